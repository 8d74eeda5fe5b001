// The focus sequences browsers really send around the extension's own popup, and the re-checks
// (focusChecked) the adapters add whenever evidence arrives. Measured in Chromium 156 under Xvfb, with
// openbox and without a window manager alike: opening the popup sends focus(W) then "no window";
// closing it sends nothing, and windows.getLastFocused() says "unfocused" until the person clicks in
// the page (a click sends no event either). Escape leaves Chromium without keyboard focus for real.
import { describe, expect, it } from 'vitest';
import { countingStatus } from './counting.ts';
import { focusCheck, focusEvent, input, OTHER, page, Run, s, W } from './focus-run.test-support.ts';

describe('the popup over a designated page', () => {
  it('without re-checks, the "no window" of the popup stops counting for good (the bug)', () => {
    const run = new Run().send(focusEvent(W), s(10)).send(focusEvent(null), s(10));
    // Closed by a click in the page: Chromium sends nothing; the person reads on, changes tab and back.
    run.send({ type: 'tabActivated', tab: page }, s(30)).send({ type: 'checkpoint' }, s(40));
    expect(countingStatus(run.state)).toEqual({ counting: false, reason: 'browser-not-focused' });
    expect(run.spansUntil(s(120))).toEqual([[0, 10]]);
  });

  it('counts on while the popup is open (its window is in front) and after it is closed by a click in the page', () => {
    const run = new Run()
      .send(focusEvent(W), s(10))
      .send(focusEvent(null), s(10))
      // The popup asks for its status, naming its window: the person is at that window.
      .send(focusCheck(W), s(10.3));
    expect(countingStatus(run.state)).toEqual({ counting: true, mode: 'reading' });
    // Closed by a click in the page: at the popup's disconnect getLastFocused may not know it yet.
    run.send(focusCheck(null), s(20)).send(input(s(20)), s(20.2)).send(focusCheck(W), s(20.2));
    expect(countingStatus(run.state)).toEqual({ counting: true, mode: 'reading' });
    expect(run.spansUntil(s(120))).toEqual([[0, 10], [10.3, 20], [20.2, 120]]);
  });

  it('counts on at once when the re-check at the popup closing already sees the window focused', () => {
    const run = new Run().send(focusEvent(W), s(10)).send(focusEvent(null), s(10)).send(focusCheck(W), s(10.3)).send(focusCheck(W), s(20));
    expect(run.spansUntil(s(60))).toEqual([[0, 10], [10.3, 60]]);
  });

  it('after Escape, waits for the click that gives the browser its focus back (moves over the page are not enough)', () => {
    const run = new Run().send(focusEvent(W), s(10)).send(focusEvent(null), s(10)).send(focusCheck(W), s(10.3));
    run.send(focusCheck(null), s(15)); // closed with Escape: getLastFocused says unfocused, and it is
    run.send(input(s(16)), s(16)).send(focusCheck(null), s(16)); // the pointer moves over the page
    expect(countingStatus(run.state)).toEqual({ counting: false, reason: 'browser-not-focused' });
    run.send(input(s(30)), s(30)).send(focusCheck(W), s(30)); // a click: focused again, no event
    expect(run.spansUntil(s(60))).toEqual([[0, 10], [10.3, 15], [30, 60]]);
  });

  it('stops at the popup closing when the person clicked into another application', () => {
    const run = new Run().send(focusEvent(W), s(10)).send(focusEvent(null), s(10)).send(focusCheck(W), s(10.3));
    run.send(focusCheck(null), s(25)).send({ type: 'checkpoint' }, s(55)).send(focusCheck(null), s(55));
    expect(run.spansUntil(s(90))).toEqual([[0, 10], [10.3, 25]]);
  });

  it('pauses and resumes from the popup, and counts on after it closes', () => {
    const run = new Run().send(focusEvent(W), s(10)).send(focusEvent(null), s(10)).send(focusCheck(W), s(10.3));
    run.send({ type: 'pauseChanged', paused: true }, s(12)).send(focusCheck(null), s(13)); // closed by a click
    run.send(input(s(13)), s(13.1)).send(focusCheck(W), s(13.1));
    expect(countingStatus(run.state)).toEqual({ counting: false, reason: 'paused' });
    // Opened again to resume.
    run.send(focusEvent(W), s(30)).send(focusEvent(null), s(30)).send(focusCheck(W), s(30.2));
    run.send({ type: 'pauseChanged', paused: false }, s(32)).send(focusCheck(null), s(34)).send(input(s(34)), s(34.1)).send(focusCheck(W), s(34.1));
    expect(run.spansUntil(s(60))).toEqual([[0, 10], [10.3, 12], [32, 34], [34.1, 60]]);
  });
});

describe('focus re-checked from evidence', () => {
  it('a tab activated in a window wrongly thought unfocused counts from its re-check', () => {
    const run = new Run().send(focusEvent(null), s(10));
    run.send({ type: 'tabActivated', tab: { ...page, tabId: 11 } }, s(20)); // ignored: not the focused window
    expect(run.state.open).toBeNull();
    run.send({ type: 'focusChecked', windowId: W, activeTab: { ...page, tabId: 11 } }, s(20));
    expect(run.state).toMatchObject({ focusedWindowId: W, activeTabId: 11, open: { startedAt: s(20) } });
  });

  it('a re-check that agrees with what is known changes nothing: the segment continues', () => {
    const run = new Run().send(focusCheck(W), s(30)).send({ type: 'checkpoint' }, s(60)).send(focusCheck(W), s(60));
    expect(run.closed).toEqual([]);
    expect(run.state.open).toMatchObject({ id: 'seg-1', startedAt: s(0), lastSeenAt: s(60) });
  });

  it('another application in front (focus event, then the re-check agrees) counts nothing until the browser is back', () => {
    const run = new Run().send(focusEvent(null), s(20)).send(focusCheck(null), s(20));
    run.send({ type: 'checkpoint' }, s(50)).send(focusCheck(null), s(50));
    run.send(focusEvent(W), s(70)).send(focusCheck(W), s(70));
    expect(run.spansUntil(s(80))).toEqual([[0, 20], [70, 80]]);
  });

  it('a re-check naming another window than the focus event did is a late answer: the event stands', () => {
    const W2 = 2;
    const run = new Run().send({ type: 'windowFocusChanged', windowId: W2, activeTab: { tabId: 20, windowId: W2, url: OTHER } }, s(10));
    run.send(focusCheck(W), s(10.1)); // getLastFocused still answers with the window left behind
    expect(run.state).toMatchObject({ focusedWindowId: W2, page: null, open: null });
    run.send(focusCheck(null), s(20)).send(focusCheck(W), s(30)); // none focused, then back: restored
    expect(run.spansUntil(s(40))).toEqual([[0, 10], [30, 40]]);
  });

  it('a re-check of a focused window whose active tab is not designated stops counting there', () => {
    const run = new Run().send({ type: 'focusChecked', windowId: W, activeTab: { tabId: 12, windowId: W, url: OTHER } }, s(15));
    expect(countingStatus(run.state)).toEqual({ counting: false, reason: 'not-designated' });
    expect(run.spansUntil(s(20))).toEqual([[0, 15]]);
  });
});

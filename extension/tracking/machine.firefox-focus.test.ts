// The focus sequences Firefox really sends the extension's background, fed to the pure machine as the
// adapters (browser-signals.ts) pass them on. Measured on 2026-12-07 in Debian's Firefox 140.12.0esr,
// driven by puppeteer-core over WebDriver BiDi with real X input (xdotool) under Xvfb 1280×800, once
// with openbox running and once without any window manager, focusmanager.testmode off (on, Firefox
// fakes focus and sends none of the events below for another application). A logging extension
// recorded windows.onFocusChanged, tabs.onActivated, windows.onCreated/onRemoved, the popup's port and
// what windows.getLastFocused answered at each of them and every 100 ms. What was seen:
// - The toolbar popup (opened by a click on its button, from the extensions panel with openbox, or
//   with its keyboard shortcut; closed by a click in the page or with Escape): no focus event at all,
//   and getLastFocused says the window is focused throughout. Unlike Chromium, no "no window".
// - Without a window manager X focus follows the pointer: the pointer entering the popup, the
//   extensions panel or another application's window sends "no window" (getLastFocused: unfocused),
//   closing the popup or the panel, and the focus comes back when the pointer is over the browser
//   again (40 ms later when the popup or panel closed, no click needed).
// - Another application taking the focus (openbox) sends "no window"; a click back in the page sends
//   focus(W).
// - A second window (Ctrl+N): tabs.onActivated for its new tab, onCreated, "no window", focus(W2);
//   getLastFocused answers W2 unfocused until focus(W2). Going back, and closing the second window:
//   "no window", focus(W). Alt+Tab under openbox passed through the reading window for 10 ms.
// - The first click after start sends focus(W) again for the window already focused.
import { describe, expect, it } from 'vitest';
import { countingStatus } from './counting.ts';
import { focusCheck, focusEvent, input, keptSeconds, page, Run, s, W } from './focus-run.test-support.ts';
import type { Signal, TabView } from './types.ts';

const W2 = 2;
/** The second window's new tab: no URL without access to it, so nothing designated. */
const newTab: TabView = { tabId: 20, windowId: W2, url: undefined, title: undefined };

/** The popup opens over W: its port connects and it asks for its status, each a re-check naming W. */
const popupOpened = (run: Run, at: number) => run.send(focusCheck(W), s(at)).send(focusCheck(W), s(at + 0.02));
/** The popup closes: its port drops, and the adapter looks now and 500 ms later (getLastFocused: W focused). */
const popupClosed = (run: Run, at: number) => run.send(focusCheck(W), s(at)).send(focusCheck(W), s(at + 0.5));
const reading = (run: Run, from: number, to: number) => {
  for (let at = from; at < to; at += 5) run.send(input(s(at)), s(at)).send(focusCheck(W), s(at));
};

describe('the Firefox toolbar popup over a designated page', () => {
  // The same with openbox and without a window manager, as long as the pointer stays off the popup.
  for (const closing of ['a click in the page', 'Escape']) {
    it(`counts straight through the popup opened and closed with ${closing}: no event, nothing lost`, () => {
      const run = new Run();
      popupOpened(run, 10);
      expect(countingStatus(run.state)).toEqual({ counting: true, mode: 'reading' });
      popupClosed(run, 20);
      reading(run, 21, 60);
      const spans = run.spansUntil(s(60));
      expect(spans).toEqual([[0, 60]]);
      expect(keptSeconds(spans)).toBe(60);
    });
  }

  it('pauses and resumes from the popup with openbox (clicks inside it send nothing)', () => {
    const run = new Run();
    popupOpened(run, 10);
    run.send({ type: 'pauseChanged', paused: true }, s(12));
    popupClosed(run, 14);
    reading(run, 15, 30);
    expect(countingStatus(run.state)).toEqual({ counting: false, reason: 'paused' });
    popupOpened(run, 30);
    run.send({ type: 'pauseChanged', paused: false }, s(32));
    popupClosed(run, 34);
    reading(run, 35, 60);
    const spans = run.spansUntil(s(60));
    expect(spans).toEqual([[0, 12], [32, 60]]);
    expect(keptSeconds(spans)).toBe(40);
  });

  it('without a window manager, the pointer entering the popup closes it: 40 ms of "no window", then counting on', () => {
    const run = new Run();
    popupOpened(run, 10);
    // "no window" while the popup is open: the adapter re-checks with the popup's window, but the port
    // dropped in the same instant, so the look goes to getLastFocused (W, unfocused).
    run.send(focusEvent(null), s(14.39)).send(focusCheck(null), s(14.41));
    expect(countingStatus(run.state)).toEqual({ counting: false, reason: 'browser-not-focused' });
    run.send(focusCheck(null), s(14.41)); // the port's drop, looked at at once
    run.send(focusEvent(W), s(14.43)); // the pointer is over the browser again
    run.send(focusCheck(W), s(14.91)); // the second look, 500 ms after the drop
    reading(run, 15, 60);
    const spans = run.spansUntil(s(60));
    expect(spans).toEqual([[0, 14.39], [14.43, 60]]);
    expect(keptSeconds(spans)).toBe(59.96);
  });

  it('without a window manager, the pointer entering the extensions panel sends "no window" and focus(W) 10 ms apart', () => {
    const run = new Run().send(focusEvent(null), s(14.52)).send(focusEvent(W), s(14.53));
    reading(run, 15, 60);
    const spans = run.spansUntil(s(60));
    expect(spans).toEqual([[0, 14.52], [14.53, 60]]);
    expect(keptSeconds(spans)).toBe(59.99);
  });
});

describe('Firefox switching to another window and back', () => {
  // With openbox another application takes the focus and a click in the page brings it back; without a
  // window manager the pointer moving onto the other window and back does the same, with no click.
  for (const how of ['openbox: the other application focused, a click back in the page', 'no window manager: the pointer over the other application and back']) {
    it(`stops while another application is in front and counts again from the focus event (${how})`, () => {
      const run = new Run();
      reading(run, 1, 20);
      run.send(focusEvent(null), s(20));
      // The checkpoint's look agrees: getLastFocused says W, unfocused.
      run.send({ type: 'checkpoint' }, s(40)).send(focusCheck(null), s(40));
      expect(countingStatus(run.state)).toEqual({ counting: false, reason: 'browser-not-focused' });
      run.send(focusEvent(W), s(45));
      reading(run, 45, 60);
      const spans = run.spansUntil(s(60));
      expect(spans).toEqual([[0, 20], [45, 60]]);
      expect(keptSeconds(spans)).toBe(35);
    });
  }

  it('counts on through the focus(W) of the first click after start (the window was already focused)', () => {
    const run = new Run().send(focusEvent(W), s(5));
    reading(run, 5, 60);
    expect(run.spansUntil(s(60))).toEqual([[0, 60]]);
  });
});

describe('Firefox opening a second window', () => {
  /** Ctrl+N at `at`: the new tab activated, the adapter's look, "no window", focus(W2). */
  const secondWindow = (run: Run, at: number, look: number | null) => {
    run.send({ type: 'tabActivated', tab: newTab }, s(at)); // not the focused window: ignored
    run.send(focusCheck(look, newTab), s(at));
    run.send(focusEvent(null), s(at + 0.02)).send(focusEvent(W2, newTab), s(at + 0.03));
  };
  const backToFirst = (run: Run, at: number) => run.send(focusEvent(null), s(at)).send(focusEvent(W, page), s(at + 0.01));

  // The look after the new tab's activation answered W2 focused in the measurement, once the focus
  // events had arrived; a look between them gets W2 unfocused (null), which stops the reading at once.
  // A look naming W2 before its focus event is taken for a late answer (as Chromium's are) and left to
  // the events, which follow 20 ms later: 20 ms more are counted, no more.
  for (const [look, stopped] of [[W2, 10.02], [null, 10]] as const) {
    it(`stops when the second window opens (the look answers ${look === null ? 'no window' : 'W2'}) and counts again back in the first`, () => {
      const run = new Run();
      reading(run, 1, 10);
      secondWindow(run, 10, look);
      expect(countingStatus(run.state)).toEqual({ counting: false, reason: 'not-designated' });
      backToFirst(run, 20);
      reading(run, 21, 40);
      const spans = run.spansUntil(s(40));
      expect(spans).toEqual([[0, stopped], [20.01, 40]]);
      expect(keptSeconds(spans)).toBeCloseTo(stopped + 19.99, 6);
    });
  }

  it('counts again when the second window is closed (onRemoved, "no window", focus(W))', () => {
    const run = new Run();
    secondWindow(run, 10, W2);
    const closing: Signal[] = [{ type: 'tabRemoved', tabId: newTab.tabId }, focusEvent(null), focusEvent(W, page)];
    closing.forEach((signal, i) => run.send(signal, s(30 + i * 0.03)));
    reading(run, 31, 60);
    const spans = run.spansUntil(s(60));
    expect(spans).toEqual([[0, 10.02], [30.06, 60]]);
    expect(keptSeconds(spans)).toBe(39.96);
  });

  it('Alt+Tab (openbox) from the reading window to the second passes through the first for 10 ms: not kept', () => {
    const run = new Run();
    run.send(focusEvent(null), s(20)).send(focusEvent(W, page), s(20.07)).send(focusEvent(null), s(20.08)).send(focusEvent(W2, newTab), s(20.08));
    const spans = run.spansUntil(s(40));
    expect(spans).toEqual([[0, 20], [20.07, 20.08]]);
    expect(keptSeconds(spans)).toBe(20);
  });
});

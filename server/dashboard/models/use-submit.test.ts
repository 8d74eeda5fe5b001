import { describe, expect, it, vi } from 'vitest';
import { fields } from './recording-api.test-support.ts';
import { SUBMIT_IDLE, submitter, type SubmitState } from './use-submit.ts';

function harness() {
  const states: SubmitState[] = [];
  const formEl = { reset: vi.fn() } as unknown as HTMLFormElement & { reset: ReturnType<typeof vi.fn> };
  const read = vi.fn(() => fields([['name', ' Ada ']]));
  const event = { preventDefault: vi.fn(), currentTarget: formEl } as unknown as Event & { preventDefault: ReturnType<typeof vi.fn> };
  return { states, formEl, read, event, submit: submitter((s) => states.push(s), read) };
}

describe('the submit path', () => {
  it('starts idle: not busy, no failure, nothing saved', () => {
    expect(SUBMIT_IDLE).toEqual({ busy: false, failure: null, done: false });
  });

  it('is busy while a call runs, then says it is done', async () => {
    const h = harness();
    expect(await h.submit.run(() => Promise.resolve('ok'))).toBe(true);
    expect(h.states).toEqual([
      { busy: true, failure: null, done: false },
      { busy: false, failure: null, done: true },
    ]);
  });

  it('keeps the failure of a call that fails, and says it did not succeed', async () => {
    const h = harness();
    const failure = new Error('refused');
    expect(await h.submit.run(() => Promise.reject(failure))).toBe(false);
    expect(h.states).toEqual([
      { busy: true, failure: null, done: false },
      { busy: false, failure, done: false },
    ]);
  });

  it('reads the submitted form instead of letting the browser post it, and hands the answer on', async () => {
    const h = harness();
    const onSaved = vi.fn();
    const save = vi.fn((form: { trimmed(name: string): string }) => Promise.resolve({ saved: form.trimmed('name') }));
    await h.submit.form(save, { onSaved })(h.event);
    expect(h.event.preventDefault).toHaveBeenCalledOnce();
    expect(h.read).toHaveBeenCalledWith(h.formEl);
    expect(onSaved).toHaveBeenCalledWith({ saved: 'Ada' });
    expect(h.formEl.reset).not.toHaveBeenCalled();
    expect(h.states.at(-1)).toEqual({ busy: false, failure: null, done: true });
  });

  it('empties a form that adds something once it is saved', async () => {
    const h = harness();
    await h.submit.form(() => Promise.resolve(1), { reset: true })(h.event);
    expect(h.formEl.reset).toHaveBeenCalledOnce();
  });

  it('keeps what was typed and calls nothing more when the save fails', async () => {
    const h = harness();
    const onSaved = vi.fn();
    await h.submit.form(() => Promise.reject(new Error('409')), { onSaved, reset: true })(h.event);
    expect(onSaved).not.toHaveBeenCalled();
    expect(h.formEl.reset).not.toHaveBeenCalled();
    expect(h.states.at(-1)?.failure).toEqual(new Error('409'));
  });

  it('sends nothing and leaves the last state on screen when the form refuses itself', async () => {
    const h = harness();
    const onSaved = vi.fn();
    await h.submit.form(() => null, { onSaved, reset: true })(h.event);
    expect(h.event.preventDefault).toHaveBeenCalledOnce();
    expect(h.states).toEqual([]);
    expect(onSaved).not.toHaveBeenCalled();
    expect(h.formEl.reset).not.toHaveBeenCalled();
  });
});

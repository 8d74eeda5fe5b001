// The one submit path of the dashboard: every form and every action button goes through it, so each
// shows the same three states: busy while the call runs (its buttons disabled), the failure in words
// if it fails, and a short "saved" line when it succeeds.
import { useState } from 'preact/hooks';
import { formFields, type FormFields } from './form-fields.ts';

export interface SubmitState {
  readonly busy: boolean;
  readonly failure: unknown;
  readonly done: boolean;
}

export const SUBMIT_IDLE: SubmitState = { busy: false, failure: null, done: false };

export interface FormOptions<T> {
  /** Called with the server's answer once it is saved. */
  onSaved?(result: T): void;
  /** Empties the form after a save: a form that adds something is ready for the next one. */
  reset?: boolean;
}

export interface Submitter {
  /** Runs one call; true when it succeeded. */
  run(action: () => Promise<unknown>): Promise<boolean>;
  /**
   * The onSubmit of a form: reads what it holds and saves it. `save` returns null when the form's own
   * check refused it (the form shows why): nothing is sent and the last state stays on screen.
   */
  form<T>(save: (fields: FormFields) => Promise<T> | null, options?: FormOptions<T>): (e: Event) => Promise<void>;
}

/** The submit path over any state holder; `read` turns the submitted form into its fields. */
export function submitter(set: (state: SubmitState) => void, read: (form: HTMLFormElement) => FormFields = formFields): Submitter {
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    set({ busy: true, failure: null, done: false });
    try {
      await action();
      set({ busy: false, failure: null, done: true });
      return true;
    } catch (failure) {
      set({ busy: false, failure, done: false });
      return false;
    }
  };
  const form =
    <T>(save: (fields: FormFields) => Promise<T> | null, options: FormOptions<T> = {}) =>
    async (e: Event): Promise<void> => {
      e.preventDefault();
      const formEl = e.currentTarget as HTMLFormElement;
      const call = save(read(formEl));
      if (call === null) return;
      let result: T | undefined;
      const ok = await run(async () => {
        result = await call;
      });
      if (!ok) return;
      if (options.reset === true) formEl.reset();
      options.onSaved?.(result as T);
    };
  return { run, form };
}

export type Submit = SubmitState & Submitter;

export function useSubmit(): Submit {
  const [state, setState] = useState<SubmitState>(SUBMIT_IDLE);
  return { ...state, ...submitter(setState) };
}

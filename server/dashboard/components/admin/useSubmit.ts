// A form submission's state for the admin forms: busy while the call runs, the failure if it fails,
// and a short confirmation when it succeeds.
import { useState } from 'preact/hooks';
import { formFields, type FormFields } from '../form-fields.ts';

export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setFailure(null);
    setDone(false);
    try {
      await action();
      setDone(true);
      return true;
    } catch (err) {
      setFailure(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  /** The onSubmit of a form that adds something: saves what it holds, then empties it for the next one. */
  const adding = (save: (form: FormFields) => Promise<unknown>, onSaved: () => void) => async (e: Event) => {
    e.preventDefault();
    const formEl = e.currentTarget as HTMLFormElement;
    const form = formFields(formEl);
    if (await run(() => save(form))) {
      formEl.reset();
      onSaved();
    }
  };
  return { busy, failure, done, run, adding };
}

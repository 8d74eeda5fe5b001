// A form submission's state for the admin forms: busy while the call runs, the failure if it fails,
// and a short confirmation when it succeeds.
import { useState } from 'preact/hooks';

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
  return { busy, failure, done, run };
}

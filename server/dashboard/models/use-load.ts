// Loading state for one API call: loading, error or ready, reloaded when its inputs change. A late
// answer for old inputs is dropped, so a fast click through periods never shows stale figures.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; data: T };

export function useLoad<T>(load: () => Promise<T>, inputs: readonly unknown[]): Load<T> & { reload(): void } {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    setResult({ state: 'loading' });
    load().then(
      (data) => ticket === latest.current && setResult({ state: 'ready', data }),
      (error: unknown) => ticket === latest.current && setResult({ state: 'error', error }),
    );
  }, [...inputs, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...result, reload };
}

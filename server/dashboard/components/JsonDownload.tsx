// A button that fetches a JSON answer of the server (validated by its schema) and saves it as a file;
// a failure is said next to it with the server's own message.
import { useState } from 'preact/hooks';
import { useApp } from '../app/context.ts';
import { downloadFile, safeFileName } from '../export/download.ts';

export function JsonDownload({ label, fileName, load }: { label: string; fileName: string; load: () => Promise<unknown> }) {
  const { t } = useApp();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <span class="json-download">
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setFailure(null);
          try {
            downloadFile(`${safeFileName(fileName)}.json`, JSON.stringify(await load(), null, 2), 'application/json');
          } catch (err) {
            setFailure(t('export.downloadFailed', { detail: (err as Error).message }));
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? t('export.busy') : label}
      </button>
      {failure !== null && (
        <span class="form-error" role="alert">
          {failure}
        </span>
      )}
    </span>
  );
}

// A button that fetches a JSON answer of the server (validated by its schema) and saves it as a file;
// a failure is said next to it with the server's own message.
import { useApp } from '../app/context.ts';
import { downloadFile, safeFileName } from '../export/download.ts';
import { useSubmit } from '../models/use-submit.ts';

export function JsonDownload({ label, fileName, load }: { label: string; fileName: string; load: () => Promise<unknown> }) {
  const { t } = useApp();
  const download = useSubmit();
  return (
    <span class="json-download">
      <button
        type="button"
        disabled={download.busy}
        onClick={() => void download.run(async () => downloadFile(`${safeFileName(fileName)}.json`, JSON.stringify(await load(), null, 2), 'application/json'))}
      >
        {download.busy ? t('export.busy') : label}
      </button>
      {download.failure !== null && (
        <span class="form-error" role="alert">
          {t('export.downloadFailed', { detail: (download.failure as Error).message })}
        </span>
      )}
    </span>
  );
}

// Excel and CSV buttons for one report. The sheets are built only when clicked; Excel's library is
// fetched on first use.
import { useState } from 'preact/hooks';
import { useApp } from '../app/context.ts';
import { toCsv } from '../export/csv.ts';
import { CSV_TYPE, downloadFile, safeFileName, XLSX_TYPE } from '../export/download.ts';
import type { Sheet } from '../export/table.ts';
import { toXlsx } from '../export/xlsx.ts';

export function ExportButtons({ fileName, sheets }: { fileName: string; sheets: () => Sheet[] }) {
  const { t } = useApp();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const base = safeFileName(fileName);
  return (
    <div class="export-buttons no-print">
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setFailed(false);
          try {
            downloadFile(`${base}.xlsx`, await toXlsx(sheets()), XLSX_TYPE);
          } catch {
            setFailed(true);
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? t('export.busy') : t('export.excel')}
      </button>
      <button type="button" onClick={() => downloadFile(`${base}.csv`, toCsv(sheets()[0]!), CSV_TYPE)}>
        {t('export.csv')}
      </button>
      {failed && (
        <span class="form-error" role="alert">
          {t('export.failed')}
        </span>
      )}
    </div>
  );
}

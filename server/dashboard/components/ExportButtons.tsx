// Excel and CSV buttons for one report. The sheets are built only when clicked; Excel's library is
// fetched on first use.
import { useApp } from '../app/context.ts';
import { toCsv } from '../export/csv.ts';
import { CSV_TYPE, downloadFile, safeFileName, XLSX_TYPE } from '../export/download.ts';
import type { Sheet } from '../export/table.ts';
import { toXlsx } from '../export/xlsx.ts';
import { useSubmit } from '../models/use-submit.ts';

export function ExportButtons({ fileName, sheets }: { fileName: string; sheets: () => Sheet[] }) {
  const { t } = useApp();
  const excel = useSubmit();
  const base = safeFileName(fileName);
  return (
    <div class="export-buttons no-print">
      <button
        type="button"
        disabled={excel.busy}
        onClick={() => void excel.run(async () => downloadFile(`${base}.xlsx`, await toXlsx(sheets()), XLSX_TYPE))}
      >
        {excel.busy ? t('export.busy') : t('export.excel')}
      </button>
      <button type="button" onClick={() => downloadFile(`${base}.csv`, toCsv(sheets()[0]!), CSV_TYPE)}>
        {t('export.csv')}
      </button>
      {excel.failure !== null && (
        <span class="form-error" role="alert">
          {t('export.failed')}
        </span>
      )}
    </div>
  );
}

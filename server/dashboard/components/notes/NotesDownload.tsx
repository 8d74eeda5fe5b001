// Downloads the notes the review shows (the current filters, reviews made on the page included) as
// W3C Web Annotation JSON-LD or Markdown, each note with its author.
import { useApp } from '../../app/context.ts';
import type { ExportableNote } from '../../../../shared/notes/exportable-note.ts';
import { downloadFile } from '../../export/download.ts';
import { notesDownload, type NotesFormat } from '../../models/notes-download.ts';

export function NotesDownload({ notes }: { notes: readonly ExportableNote[] }) {
  const { t, now, timeZone } = useApp();
  const save = (format: NotesFormat) => {
    const labels = {
      fileBase: t('notesExport.fileBase'),
      heading: t('notesExport.heading'),
      readingNotes: t('notesExport.readingNotes'),
      tags: t('notes.tags'),
      review: t('notesExport.review'),
      exportedAt: t('notesExport.exportedAt'),
      author: t('notesExport.author'),
    };
    // The organisation's zone, as every other time on the dashboard is shown (format.ts formatInstant).
    const file = notesDownload(format, notes, labels, new Date(now()).toISOString(), timeZone);
    downloadFile(file.fileName, file.data, file.type);
  };
  return (
    <div class="export-buttons no-print" role="group" aria-label={t('notesExport.group')}>
      <button type="button" onClick={() => save('annotations')}>
        {t('notesExport.annotations')}
      </button>
      <button type="button" onClick={() => save('markdown')}>
        {t('notesExport.markdown')}
      </button>
    </div>
  );
}

// The notes review's download: the filtered notes, each with its author's name, as W3C Web Annotation
// JSON-LD or Markdown through the converter the extension's side panel uses too.
import type { StoredNote } from '../../../shared/schemas/notes.ts';
import type { ExportableNote } from '../../../shared/notes/exportable-note.ts';
import { notesToMarkdown, type MarkdownLabels } from '../../../shared/notes/export-markdown.ts';
import { notesToWebAnnotations } from '../../../shared/notes/export-web-annotation.ts';
import { safeFileName } from '../export/download.ts';

export type NotesFormat = 'annotations' | 'markdown';

export interface NotesFile {
  fileName: string;
  type: string;
  data: string;
}

export interface NotesDownloadLabels extends MarkdownLabels {
  /** The file name before the date and extension, e.g. 学习笔记. */
  readonly fileBase: string;
}

/** Unknown authors (someone no longer listed) keep their id, so no note loses its origin. */
export function authoredNotes(list: readonly StoredNote[], names: ReadonlyMap<string, string>): ExportableNote[] {
  return list.map(({ note, review, personId }) => ({ note, review, authorName: names.get(personId) ?? personId }));
}

/** `exportedAt` is an ISO instant; the file name carries its date; Markdown writes times in `timeZone`. */
export function notesDownload(format: NotesFormat, notes: readonly ExportableNote[], labels: NotesDownloadLabels, exportedAt: string, timeZone: string): NotesFile {
  const base = safeFileName(`${labels.fileBase}-${exportedAt.slice(0, 10)}`);
  if (format === 'markdown') {
    return { fileName: `${base}.md`, type: 'text/markdown;charset=utf-8', data: notesToMarkdown(notes, labels, exportedAt, timeZone) };
  }
  return { fileName: `${base}.jsonld`, type: 'application/ld+json', data: JSON.stringify(notesToWebAnnotations(notes, labels.heading, exportedAt), null, 2) };
}

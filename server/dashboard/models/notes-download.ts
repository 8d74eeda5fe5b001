// The notes review's download: the filtered notes, each with its author's name, as W3C Web Annotation
// JSON-LD or Markdown through the converter the extension's side panel uses too.
import type { StoredNote } from '../../../shared/schemas/notes.ts';
import type { ExportableNote } from '../../../shared/notes/exportable-note.ts';
import { notesToMarkdown, type MarkdownLabels } from '../../../shared/notes/export-markdown.ts';
import { notesToWebAnnotations } from '../../../shared/notes/export-web-annotation.ts';
import { dateInZone } from '../../../shared/time/zoned-days.ts';
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

/**
 * `exportedAt` is an ISO instant; the file name carries its date and Markdown writes times, both in
 * `timeZone` (the organisation's). The JSON-LD keeps ISO instants with their offset: it is for machines.
 */
export function notesDownload(format: NotesFormat, notes: readonly ExportableNote[], labels: NotesDownloadLabels, exportedAt: string, timeZone: string): NotesFile {
  const base = safeFileName(`${labels.fileBase}-${dateInZone(Date.parse(exportedAt), timeZone)}`);
  if (format === 'markdown') {
    return { fileName: `${base}.md`, type: 'text/markdown;charset=utf-8', data: notesToMarkdown(notes, labels, exportedAt, timeZone) };
  }
  return { fileName: `${base}.jsonld`, type: 'application/ld+json', data: JSON.stringify(notesToWebAnnotations(notes, labels.heading, exportedAt), null, 2) };
}

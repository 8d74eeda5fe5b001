// The person's notes as one Markdown document: grouped by page (reading notes last), each with its
// quote, comment, tags and the leader's review, for keeping or handing in as 读书笔记. Times are written
// as the reader's local time with its offset (2026-03-06 09:00 UTC+08:00), never as a bare UTC instant.
import { instantInZone } from '../time/zoned-days.ts';
import type { ExportableNote } from './exportable-note.ts';

export interface MarkdownLabels {
  readonly heading: string;
  readonly readingNotes: string;
  readonly tags: string;
  readonly review: string;
  readonly exportedAt: string;
  /** Introduces the author's name on notes that carry one (several people's notes in one file). */
  readonly author?: string;
}

/** Escapes what Markdown would otherwise read as markup at the start of a line or inline. */
function escapeInline(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

/**
 * Text that must stay on its line (a heading, a tag, a name): any run of whitespace, line breaks
 * included, becomes one space, so a blank line inside cannot end the paragraph and start raw HTML.
 */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${escapeInline(line)}`)
    .join('\n');
}

/** An ISO instant as local date and minute in the zone, with the zone's offset: 2026-03-06 09:00 UTC+08:00. */
export function readableInstant(instant: string, timeZone: string): string {
  const local = instantInZone(Date.parse(instant), timeZone);
  return `${local.slice(0, 10)} ${local.slice(11, 16)} UTC${local.slice(-6)}`;
}

/** `timeZone`: the zone the times are written in (an IANA name, e.g. Asia/Shanghai). */
export function notesToMarkdown(notes: readonly ExportableNote[], labels: MarkdownLabels, exportedAt: string, timeZone: string): string {
  const time = (instant: string) => readableInstant(instant, timeZone);
  const byPage = new Map<string, ExportableNote[]>();
  for (const n of notes) {
    const key = n.note.url ?? '';
    byPage.set(key, [...(byPage.get(key) ?? []), n]);
  }
  const pages = [...byPage.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : 0));
  const out: string[] = [`# ${escapeInline(labels.heading)}`, '', `${escapeInline(labels.exportedAt)}: ${time(exportedAt)}`, ''];
  for (const [url, group] of pages) {
    const sorted = [...group].sort((a, b) => a.note.createdAt.localeCompare(b.note.createdAt));
    if (url === '') out.push(`## ${escapeInline(labels.readingNotes)}`, '');
    else out.push(`## [${escapeInline(oneLine(sorted[0]!.note.title || url))}](<${url.replace(/>/g, '%3E')}>)`, '');
    for (const { note, review, authorName } of sorted) {
      if (url === '' && note.title !== '') out.push(`### ${escapeInline(oneLine(note.title))}`, '');
      if (authorName !== undefined) out.push(`${labels.author === undefined ? '' : `${escapeInline(labels.author)}: `}${escapeInline(oneLine(authorName))}`, '');
      if (note.quote !== '') out.push(quoteBlock(note.quote), '');
      if (note.comment !== '') out.push(escapeInline(note.comment), '');
      if (note.tags.length > 0) out.push(`${escapeInline(labels.tags)}: ${note.tags.map((t) => `\`${oneLine(t).replace(/`/g, "'")}\``).join(' ')}`, '');
      if (review !== null) out.push(`*${escapeInline(labels.review)}* (${escapeInline(oneLine(review.reviewerName))}, ${time(review.reviewedAt)}): ${escapeInline(review.comment)}`, '');
      out.push(`<sub>${time(note.createdAt)}</sub>`, '', '---', '');
    }
  }
  return out.join('\n');
}

// The must-read lists notes are linked against: a note's link names an item of its author's year plan
// for the year it was written (server/ingest-checks/check-must-read.ts). Each list is resolved once per author
// and year within a request, and the people and units are read only when a note with a link comes up,
// so syncs and lists of unlinked notes cost nothing more.
import { mustReadYear } from '../ingest-checks/check-must-read.ts';
import type { NoteRecord, Store } from '../store/store-contract.ts';
import { loadDirectory, type Directory } from './directory.ts';
import { effectivePlan } from './person-year.ts';

/** A person's must-read books of a year, id → title. */
export type MustReadListOf = (personId: string, year: number) => Promise<ReadonlyMap<string, string>>;

/** Make one per request: it keeps what it has read for that request only. */
export function mustReadLists(store: Store): MustReadListOf {
  let directory: Promise<Directory> | undefined;
  let annualHours: Promise<number> | undefined;
  const lists = new Map<string, ReadonlyMap<string, string>>();
  return async (personId, year) => {
    const key = `${personId}|${year}`;
    const known = lists.get(key);
    if (known !== undefined) return known;
    const people = await (directory ??= loadDirectory(store));
    const person = people.person(personId);
    // Only the reading list is used; the target is passed because a plan always carries one.
    const hours = await (annualHours ??= store.getSettings().then((s) => s.annualTargetHours));
    const plan = person ? await effectivePlan(store.programme, people, person, year, 'year', hours) : null;
    const titles = new Map(plan?.readingList.map((item) => [item.id, item.title]) ?? []);
    lists.set(key, titles);
    return titles;
  };
}

export type MustReadTitleOf = (record: NoteRecord) => string | null;

/** The linked book's title for each of `records` (null when unlinked or no longer on the list). */
export async function mustReadTitles(store: Store, timeZone: string, records: readonly NoteRecord[]): Promise<MustReadTitleOf> {
  const listOf = mustReadLists(store);
  const titles = new Map<string, string | null>();
  for (const record of records) {
    const link = record.note.mustRead;
    if (link !== null) titles.set(record.note.id, (await listOf(record.personId, mustReadYear(record.note, timeZone))).get(link.bookId) ?? null);
  }
  return (record) => titles.get(record.note.id) ?? null;
}

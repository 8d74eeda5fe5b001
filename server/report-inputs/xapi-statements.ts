// The xAPI export's input, gathered from the store: for each person, the segments that start in the
// date range with the time the learning logs credit them, and the notes written in it, turned into
// statements another learning system's LRS takes as is (POST /statements) by xapi/xapi.ts.
import { dateRangeMs } from '../aggregation/date-range.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import type { DateRange } from '../../shared/time/periods.ts';
import { xapiStatements, type XapiRecord, type XapiStatement } from '../xapi/xapi.ts';
import type { Store, UserRecord } from '../store/store-contract.ts';

export async function xapiStatementsFor(
  store: Store,
  people: readonly UserRecord[],
  range: DateRange,
  options: { homePage: string; timeZone: string },
): Promise<XapiStatement[]> {
  const { fromMs, toMs } = dateRangeMs(range.from, range.to, options.timeZone);
  const resources = new Map((await store.listResources()).map((r) => [r.id, r]));
  const all: XapiStatement[] = [];
  for (const person of people) {
    // A record belongs to the range it starts in, so consecutive ranges never repeat one; a segment
    // running past midnight at the end of the range keeps the credit of its next day too.
    const credits = await store.segmentCredits(person.id, dayNumber(range.from), dayNumber(range.to) + 1);
    const records: XapiRecord[] = (await store.segmentsForPerson(person.id, fromMs, toMs))
      .filter((s) => s.startMs >= fromMs)
      .map((s) => ({
        kind: 'segment',
        id: s.id,
        resourceId: s.resourceId,
        url: s.url,
        title: s.title,
        startMs: s.startMs,
        mode: s.mode,
        creditedSeconds: credits.get(s.id)?.creditedSeconds ?? 0,
      }));
    for (const { note } of (await store.notesChangedSince(person.id, 0, Number.MAX_SAFE_INTEGER)).notes) {
      const createdMs = Date.parse(note.createdAt);
      if (note.deletedAt !== null || createdMs < fromMs || createdMs >= toMs) continue;
      const { id, url, title, resourceId, quote, comment, createdAt } = note;
      records.push({ kind: 'note', id, url, title, resourceId, quote, comment, createdAt });
    }
    all.push(...xapiStatements(person, records, { homePage: options.homePage, timeZone: options.timeZone, resourceOf: (id) => resources.get(id) }));
  }
  return all.sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp) || (a.id < b.id ? -1 : 1));
}

/** The office's StudyTrail address: configured, or as the client reached it. */
export function xapiHomePage(publicUrl: string | null | undefined, origin: string): string {
  return `${publicUrl ?? origin}/`;
}

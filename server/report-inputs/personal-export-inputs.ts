// Everything the server holds about one person, read from the store for the personal export
// (personal-data/personal-export.ts), which picks from it what the file carries.
import type { personalExport } from '../personal-data/personal-export.ts';
import type { Store, UserRecord } from '../store/store-contract.ts';

export async function personalExportInputs(store: Store, person: UserRecord, nowMs: number): Promise<Parameters<typeof personalExport>[0]> {
  const id = person.id;
  const all = { fromMs: Number.NEGATIVE_INFINITY, toMs: Number.POSITIVE_INFINITY };
  const notes = (await store.notesChangedSince(id, 0, Number.MAX_SAFE_INTEGER)).notes;
  return {
    person,
    unit: person.unitId === null ? null : await store.findUnit(person.unitId),
    tokens: await store.tokensOf(id),
    segments: await store.segmentsForPerson(id, all.fromMs, all.toMs),
    refused: await store.refusedForPerson(id, all.fromMs, all.toMs),
    dayTotals: await store.dayTotals(id, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    notes,
    resources: await store.listResources(),
    audit: await store.auditFor([`person:${id}`, ...notes.map((n) => `note:${n.note.id}`)]),
    programme: await store.programme.recordsOf(id),
    nowMs,
  };
}

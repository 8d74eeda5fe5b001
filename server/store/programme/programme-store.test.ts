// The embedded engine's programme store over ProgrammeState: what it commits and how its state rebuilds
// from a snapshot. What any engine must do is the programme contract, test/store/programme-contract.test.ts.
import { describe, expect, it } from 'vitest';
import { emptyProgrammeSnapshot, programmeOpSchema, type ProgrammeOp } from './records.ts';
import { StateProgrammeStore } from './programme-store.ts';
import { ProgrammeState } from './state.ts';
import { session } from '../../../test/support/programme-session.ts';



function open(snapshot = emptyProgrammeSnapshot()) {
  const committed: ProgrammeOp[][] = [];
  const state = new ProgrammeState(snapshot);
  return {
    state,
    committed,
    store: new StateProgrammeStore(state, async (ops) => {
      for (const op of ops) state.apply(op);
      committed.push(ops);
    }),
  };
}

describe('programme store', () => {
  it('writes a session only when the decision allows it, committing one op', async () => {
    const { store, committed } = open();
    expect(await store.saveSession(() => ({ ok: true, value: session('s1') }))).toEqual({ ok: true, value: session('s1') });
    const refused = await store.saveSession((all) => (all.length > 0 ? { ok: false, problem: 'clash' as const } : { ok: true, value: session('s2') }));
    expect(refused).toEqual({ ok: false, problem: 'clash' });
    expect((await store.sessions()).map((s) => s.id)).toEqual(['s1']);
    expect(committed).toHaveLength(1);
    expect(programmeOpSchema.parse(committed[0]![0])).toEqual(committed[0]![0]);
  });

  it('rebuilds the same data from its snapshot', async () => {
    const { store, state } = open();
    await store.saveSession(() => ({ ok: true, value: session('s1') }));
    await store.saveCalendarException(() => ({ ok: true, value: { date: '2026-05-01', action: 'cancel', movedTo: null, reason: '劳动节' } }));
    await store.saveAnnualNote({ personId: 'p', year: 2026, remarks: '认真', decision: null, updatedAt: '2027-01-01T00:00:00.000Z' });
    await store.saveSettings({ ...(await store.settings()), tariff: { halfDayHours: 3.5, dayHours: 7 } }, { today: '2026-03-09', at: '2026-03-09T01:00:00.000Z' });
    const json = JSON.parse(JSON.stringify(state.snapshot()));
    const reopened = ProgrammeState.fromJson(json);
    expect(reopened.snapshot()).toEqual(state.snapshot());
    expect(reopened.annualOf('p', 2026)?.remarks).toBe('认真');
    expect(reopened.settings.tariff.dayHours).toBe(7);
  });

  it('deletes an exception once, reporting whether there was one', async () => {
    const { store, committed } = open();
    await store.saveCalendarException(() => ({ ok: true, value: { date: '2026-05-01', action: 'cancel', movedTo: null, reason: 'x' } }));
    expect(await store.deleteCalendarException('2026-05-01')).toBe(true);
    expect(await store.deleteCalendarException('2026-05-01')).toBe(false);
    expect(committed).toHaveLength(2);
  });

  it('keeps one holiday arrangement a year, through a snapshot, and deletes it once', async () => {
    const { store, state, committed } = open();
    const arrangement = (year: number, name: string) => ({ year, holidays: [{ name, from: `${year}-10-01`, to: `${year}-10-07` }], workdays: [{ date: `${year}-09-27`, name }], updatedAt: '2026-12-01T00:00:00.000Z' });
    await store.saveHolidayArrangement(arrangement(2027, '国庆节'));
    await store.saveHolidayArrangement(arrangement(2026, '旧'));
    await store.saveHolidayArrangement(arrangement(2026, '国庆节'));
    expect((await store.holidayArrangements()).map((a) => [a.year, a.holidays[0]?.name])).toEqual([[2026, '国庆节'], [2027, '国庆节']]);
    const reopened = ProgrammeState.fromJson(JSON.parse(JSON.stringify(state.snapshot())));
    expect(reopened.snapshot()).toEqual(state.snapshot());
    expect(await store.deleteHolidayArrangement(2026)).toBe(true);
    expect(await store.deleteHolidayArrangement(2026)).toBe(false);
    expect(await store.holidayArrangement(2026)).toBeNull();
    expect(committed).toHaveLength(4);
  });

  it('reads a snapshot stored before holiday arrangements existed', () => {
    const { holidays: _none, ...older } = emptyProgrammeSnapshot();
    expect(ProgrammeState.fromJson(older).holidays.size).toBe(0);
  });

  it('refuses a snapshot that does not match the shape', () => {
    expect(() => ProgrammeState.fromJson({ ...emptyProgrammeSnapshot(), sessions: [{ id: 'x' }] })).toThrow();
  });
});

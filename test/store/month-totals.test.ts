// Store.periodTotalsOf and Store.creditedByDay on both engines (issue 19): a whole month answers as the
// sum of its days, whatever wrote them (syncs with and without notes, a recount that lowers a day, an
// erasure), and the same after a restart. PostgreSQL keeps the sums in month_totals; the embedded store
// adds up its days; both must give what adding up the days gives. PostgreSQL's own paths (the
// migration's backfill, migrate-store) are in postgres-store.test.ts and migrate-store.test.ts.
import { beforeEach, expect, it } from 'vitest';
import { dayNumber, monthStartOf } from '../../shared/time/day-numbers.ts';
import { creditedByDayOf, periodTotalsFromDays } from '../../server/store/period-totals.ts';
import type { CheckedSegment, Store } from '../../server/store/store-contract.ts';
import { describeEachEngine } from '../support/store-engines.ts';
import { note } from '../support/store-notes.ts';

const at = (iso: string) => Date.parse(iso);
const admin = { actor: { id: 'admin1', name: '管理员' }, reason: null };
let n = 0;
function segment(from: string, to: string, overrides: Partial<CheckedSegment> = {}): CheckedSegment {
  n++;
  return { id: `0e3b6f0a-2222-4111-8111-${String(n).padStart(12, '0')}`, resourceId: 'res1', url: 'https://learn.example.org/a', title: 'A', startMs: at(from), endMs: at(to), mode: 'reading', policyVersion: 1, ...overrides };
}
const sync = (store: Store, personId: string, accepted: CheckedSegment[], extra: Partial<Parameters<Store['recordSync']>[0]> = {}) =>
  store.recordSync({ personId, deviceId: 'd1', accepted, refused: [], notes: [], ...extra });

const ALL: [number, number] = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];

/**
 * What adding up the person's days gives, for several choices of months and ranges, against what the
 * store answers: every month the person has days in, every other one, none; over their whole history
 * and over a range starting and ending inside months.
 */
async function expectSumsOfDays(store: Store, personId: string): Promise<void> {
  const days = await store.dayTotals(personId, ...ALL);
  const months = [...new Set(days.map((d) => monthStartOf(d.day)))];
  for (const chosen of [months, months.filter((_, i) => i % 2 === 1), []]) {
    const from = days.length === 0 ? 0 : monthStartOf(days[0]!.day) - 3;
    const to = days.length === 0 ? 0 : days[days.length - 1]!.day + 40;
    const read = await store.periodTotalsOf([personId, 'nobody'], from, to, chosen);
    expect(read.get(personId)).toEqual(periodTotalsFromDays(personId, days, from, to, chosen));
    expect(read.get('nobody')).toEqual([]);
    // The trend by day, over whole months and the days around them.
    expect(await store.creditedByDay([personId, 'nobody'], from, to)).toEqual(creditedByDayOf([days]));
    expect(await store.creditedByDay([personId], from + 5, to - 35)).toEqual(creditedByDayOf([days.filter((d) => d.day >= from + 5 && d.day <= to - 35)]));
  }
}

describeEachEngine('monthly sums of daily totals', ({ open }) => {
  let nowMs = at('2026-05-06T10:00:00+08:00');
  const clock = () => nowMs;
  beforeEach(() => {
    nowMs = at('2026-05-06T10:00:00+08:00');
  });

  it('answers each whole month as the sum of its days through every sync, and the same after a restart', async () => {
    let store = await open({ clock });
    // January: two days, one segment across midnight into 1 February (counted on both days).
    await sync(store, 'p1', [segment('2026-01-05T09:00:00+08:00', '2026-01-05T10:00:00+08:00'), segment('2026-01-31T23:30:00+08:00', '2026-02-01T00:20:00+08:00', { resourceId: 'res2' })]);
    await expectSumsOfDays(store, 'p1');
    // March, with a note (the days' totals then go in a message of their own before the notes).
    await sync(store, 'p1', [segment('2026-03-02T09:00:00+08:00', '2026-03-02T09:45:00+08:00')], { notes: [note(1)] });
    // Another device overlapping 5 January: the day is recounted (overlap counted once), and its month with it.
    await store.recordSync({ personId: 'p1', deviceId: 'd2', accepted: [segment('2026-01-05T09:30:00+08:00', '2026-01-05T11:00:00+08:00', { resourceId: 'res2' })], refused: [], notes: [] });
    await sync(store, 'p2', [segment('2026-01-05T08:00:00+08:00', '2026-01-05T08:10:00+08:00')]);
    await expectSumsOfDays(store, 'p1');
    await expectSumsOfDays(store, 'p2');

    const jan = dayNumber('2026-01-01');
    const feb = dayNumber('2026-02-01');
    const expected = (s: Store) => s.periodTotalsOf(['p1'], jan, dayNumber('2026-03-10'), [jan, feb]);
    const read = (await expected(store)).get('p1')!;
    // 5 January 09:00–11:00 from two devices is 2 h credited once (2.5 h sent, 30 min of overlap); 31
    // January 30 min; 1 February 20 min; 2 March 45 min, one by one.
    expect(read.map((t) => [t.day, t.lastDay, t.rawSeconds, t.creditedSeconds, t.overlapSeconds, t.byResource])).toEqual([
      [jan, dayNumber('2026-01-31'), 10_800, 9000, 1800, ['res1', 3600, 'res2', 5400]],
      [feb, dayNumber('2026-02-28'), 1200, 1200, 0, ['res2', 1200]],
      [dayNumber('2026-03-02'), undefined, 2700, 2700, 0, ['res1', 2700]],
    ]);
    expect(await store.creditedByDay(['p1', 'p2', 'nobody'], jan, dayNumber('2026-01-31'))).toEqual(
      new Map([
        [dayNumber('2026-01-05'), 7200 + 600],
        [dayNumber('2026-01-31'), 1800],
      ]),
    );
    expect(await store.creditedByDay([], ...ALL)).toEqual(new Map());

    await store.close();
    store = await open({ clock });
    expect((await expected(store)).get('p1')).toEqual(read);
    await expectSumsOfDays(store, 'p1');
  });

  // PostgreSQL changes a month by the difference its recounted days make (month-rows.ts): each case a
  // wrong difference would show in.
  it('keeps a month the sum of its days when a sync is sent again, a late segment changes an earlier day, and a day reaches its cap', async () => {
    const store = await open({ clock });
    const first = [segment('2026-04-10T09:00:00+08:00', '2026-04-10T10:00:00+08:00'), segment('2026-04-11T09:00:00+08:00', '2026-04-11T09:30:00+08:00', { resourceId: 'res2' })];
    await sync(store, 'p1', first);
    await expectSumsOfDays(store, 'p1');
    const apr = dayNumber('2026-04-01');
    const april = async () => (await store.periodTotalsOf(['p1'], apr, dayNumber('2026-04-30'), [apr])).get('p1')!.map((t) => [t.creditedSeconds, t.byResource]);
    expect(await april()).toEqual([[5400, ['res1', 3600, 'res2', 1800]]]);
    // The same sync again (a lost acknowledgement): nothing new, the month as it was.
    await sync(store, 'p1', first);
    expect(await april()).toEqual([[5400, ['res1', 3600, 'res2', 1800]]]);
    // A device back online sends a day of last month and one of this month in one sync.
    await store.recordSync({ personId: 'p1', deviceId: 'd2', accepted: [segment('2026-03-30T20:00:00+08:00', '2026-03-30T20:15:00+08:00'), segment('2026-04-10T09:30:00+08:00', '2026-04-10T10:30:00+08:00', { resourceId: 'res2' })], refused: [], notes: [] });
    await expectSumsOfDays(store, 'p1');
    // 10 April: 09:00–10:30 once (res1 until 10:00, then res2's last half hour).
    expect(await april()).toEqual([[7200, ['res1', 3600, 'res2', 3600]]]);
    // 12 April past the daily cap: the part over it is counted as such, and the month with it.
    await sync(store, 'p1', [segment('2026-04-12T00:30:00+08:00', '2026-04-12T23:30:00+08:00')]);
    await expectSumsOfDays(store, 'p1');
    const [month] = (await store.periodTotalsOf(['p1'], apr, dayNumber('2026-04-30'), [apr])).get('p1')!;
    expect(month!.dailyCapSeconds).toBeGreaterThan(0);
  });

  it('refuses a month that is not whole within the range, or a day that does not start a month, and reads nothing', async () => {
    const store = await open({ clock });
    await expect(store.periodTotalsOf(['p1'], dayNumber('2026-01-02'), dayNumber('2026-03-31'), [dayNumber('2026-01-01')])).rejects.toThrow(
      'The month from 2026-01-01 does not lie whole within 2026-01-02–2026-03-31',
    );
    await expect(store.periodTotalsOf(['p1'], dayNumber('2026-01-01'), dayNumber('2026-03-31'), [dayNumber('2026-02-02')])).rejects.toThrow(
      'Day 20486 (2026-02-02) is not the first day of a month',
    );
  });

  it("forgets an erased person's sums and keeps everyone else's", async () => {
    const store = await open({ clock });
    const leaver = await store.createUser({ username: 'leaver', name: '离任者', role: 'staff', unitId: null, passwordHash: 'h' });
    const stayer = await store.createUser({ username: 'stayer', name: '留任者', role: 'staff', unitId: null, passwordHash: 'h' });
    await sync(store, leaver.id, [segment('2026-02-03T09:00:00+08:00', '2026-02-03T10:00:00+08:00')]);
    await sync(store, stayer.id, [segment('2026-02-03T09:00:00+08:00', '2026-02-03T09:30:00+08:00')]);
    await store.erasePerson(leaver.id, admin);
    const feb = dayNumber('2026-02-01');
    const read = await store.periodTotalsOf([leaver.id, stayer.id], feb, dayNumber('2026-02-28'), [feb]);
    expect(read.get(leaver.id)).toEqual([]);
    expect(read.get(stayer.id)!.map((t) => [t.day, t.creditedSeconds])).toEqual([[feb, 1800]]);
    // Their days come back if they are re-created under the same id and sync again: the month is theirs anew, not added to the old one.
    await sync(store, leaver.id, [segment('2026-02-04T09:00:00+08:00', '2026-02-04T09:10:00+08:00')]);
    expect((await store.periodTotalsOf([leaver.id], feb, dayNumber('2026-02-28'), [feb])).get(leaver.id)!.map((t) => t.creditedSeconds)).toEqual([600]);
  });
});

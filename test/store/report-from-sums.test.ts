// The reports read whole months summed where the credit rules allow (issue 19): the unit report, the
// annual records and each person's figures must come out the same as from the days one by one, on both
// engines. A year and a half of three people's uneven days, under rules that change in the middle of a
// month (a rate and a cap) and on the first of one (a lower cap), over ranges that start and end inside
// months; each report made once from the store's monthly sums and once from the days.
import { beforeEach, expect, it } from 'vitest';
import { dateOfDay, dayNumber } from '../../shared/time/day-numbers.ts';
import { unitSummary } from '../../server/aggregation/unit-summary.ts';
import { annualRecord } from '../../server/programme/annual-record.ts';
import { annualRecordInputs, annualRecordsInputs } from '../../server/report-inputs/annual-record-inputs.ts';
import { loadDirectory } from '../../server/report-inputs/directory.ts';
import { loadFiguresContext, personFigures, withMembersPreloaded } from '../../server/report-inputs/person-figures.ts';
import { unitSummaryInputs } from '../../server/report-inputs/unit-summary-inputs.ts';
import { creditedByDayOf } from '../../server/store/period-totals.ts';
import type { CheckedSegment, Store } from '../../server/store/store-contract.ts';
import { describeEachEngine } from '../support/store-engines.ts';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-11-20T10:00:00+08:00');

/** Deterministic pseudo-random numbers: the same days every run. */
function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

async function fill(store: Store) {
  const unit = await store.createUnit({ name: '机关', parentId: null });
  const resource = await store.createResource({ name: '理论', category: 'political-theory', kind: 'reading', patterns: ['https://*.example.org/*'] });
  const settings = await store.programme.settings();
  const { creditRules: _, ...plain } = settings;
  // Version 2 from 14 March: half an hour per hour and a 60 h cap; version 3 from 1 July: the cap lowered to 45 h.
  await store.programme.saveSettings({ ...plain, online: { hoursPerHour: 0.5, yearlyCapHours: 60 } }, { today: '2026-03-14', at: '2026-03-14T02:00:00.000Z' });
  await store.programme.saveSettings({ ...plain, online: { hoursPerHour: 0.5, yearlyCapHours: 45 } }, { today: '2026-07-01', at: '2026-07-01T02:00:00.000Z' });
  const rand = random(1919);
  const people = [];
  let n = 0;
  for (let i = 0; i < 3; i++) {
    const person = await store.createUser({ username: `p${i}`, name: `学员${i}`, role: 'staff', unitId: unit.id, passwordHash: 'h', memberSince: '2025-01-01' });
    people.push(person);
    let batch: CheckedSegment[] = [];
    for (let day = dayNumber('2025-06-01'); day <= dayNumber('2026-11-19'); day++) {
      if (rand() < 0.45) continue;
      const startMs = at(`${dateOfDay(day)}T08:00:00+08:00`) + Math.floor(rand() * 10 * 3_600_000);
      // Odd seconds, so that half-rate conversions land on half seconds; some days past the daily cap.
      const seconds = 1 + Math.floor(rand() * (rand() < 0.1 ? 40_000 : 5_000));
      n++;
      const id = `0e3b6f0a-3333-4111-8111-${String(n).padStart(12, '0')}`;
      batch.push({ id, resourceId: rand() < 0.8 ? resource.id : 'gone', url: 'https://learn.example.org/a', title: 'A', startMs, endMs: startMs + seconds * 1000, mode: 'reading', policyVersion: 1 });
      if (batch.length === 40) {
        await store.recordSync({ personId: person.id, deviceId: 'd1', accepted: batch, refused: [], notes: [] });
        batch = [];
      }
    }
    if (batch.length > 0) await store.recordSync({ personId: person.id, deviceId: 'd1', accepted: batch, refused: [], notes: [] });
  }
  return { unit, people };
}

describeEachEngine('reports from the monthly sums', ({ open }) => {
  let store: Store;
  beforeEach(async () => {
    store = await open({ clock: () => NOW, timeZone: TZ });
  });

  it('equal the reports from the days: each person’s figures, the unit report and the annual records', async () => {
    const { unit, people } = await fill(store);
    const ids = people.map((p) => p.id);
    const ranges = [
      { from: '2026-01-01', to: '2026-12-31' },
      // The bench's "last 365 days": starts inside a month of the year before.
      { from: '2025-11-21', to: '2026-11-20' },
      { from: '2026-03-10', to: '2026-08-20' },
      { from: '2026-04-01', to: '2026-06-30' },
    ];
    let summedMonths = 0;
    for (const range of ranges) {
      const directory = await loadDirectory(store);
      const fromDays = await loadFiguresContext(store, directory, NOW, TZ, range);
      const fromSums = await withMembersPreloaded(fromDays, ids, range);
      for (const person of directory.people) {
        const [a, b] = [await personFigures(fromDays, person, range), await personFigures(fromSums, person, range)];
        summedMonths += b.totals.filter((t) => t.lastDay !== undefined).length;
        const { totals: daysA, ...restA } = a;
        const { totals: daysB, ...restB } = b;
        expect(restB, `${person.name} ${range.from}–${range.to}`).toEqual(restA);
        const sum = (list: typeof daysA) => list.reduce((s, t) => [s[0]! + t.rawSeconds, s[1]! + t.creditedSeconds, s[2]! + t.dailyCapSeconds], [0, 0, 0]);
        expect(sum(daysB)).toEqual(sum(daysA));
      }

      // The unit report as the route makes it (monthly sums), and as the days one by one make it.
      const report = unitSummary(await unitSummaryInputs(store, { unitId: unit.id, units: await store.listUnits(), range, nowMs: NOW, timeZone: TZ }));
      const categories = new Map((await store.listResources()).map((r) => [r.id, r.category]));
      const members = [];
      for (const person of await store.listUsers()) {
        const f = await personFigures(fromDays, person, range);
        members.push({ person, totals: f.totals, notesCount: 0, credit: f.credit, target: f.target, gapSeconds: f.gapSeconds });
      }
      const days = await store.dayTotalsOf(ids, dayNumber(range.from), dayNumber(range.to));
      const fromDayReport = unitSummary({ unitId: unit.id, ...range, members, creditedByDay: creditedByDayOf(days.values()), categoryOf: (id) => categories.get(id) });
      expect(report).toEqual(fromDayReport);
    }
    // The months were summed (the comparison is not of days with days).
    expect(summedMonths).toBeGreaterThan(30);

    // The organisation's annual records (read in batches, monthly sums) and each one read alone (days).
    const directory = await loadDirectory(store);
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const base = await loadFiguresContext(store, directory, NOW, TZ, year);
    const batched = [];
    for await (const inputs of annualRecordsInputs(base, directory.people, 2026)) batched.push(annualRecord(inputs));
    const alone = [];
    for (const person of directory.people) alone.push(annualRecord(await annualRecordInputs(base, person, 2026)));
    expect(batched).toEqual(alone);
    // Not a comparison of nothing: the cap and the rate were met.
    expect(alone.map((r) => r.hours.adjustments.map((a) => a.reason))).toEqual(alone.map(() => ["online_conversion", "online_cap"]));
  });
});

import { describe, expect, it } from 'vitest';
import type { ReadingItem, SavePlan } from '../../shared/schemas/programme-plans.ts';
import { applyPlanEdit, organisationTargets, resolvePlan, type PersonalPlan } from './plan-resolution.ts';

const item = (id: string, title: string, source: ReadingItem['source'] = 'unit'): ReadingItem => ({
  id,
  title,
  author: '',
  resourceId: null,
  status: 'not-started',
  source,
});
const officeDefaults = { unitId: 'office', targets: { totalHours: 50, byCategory: { 'political-theory': 20 } }, items: [item('u1', '习近平谈治国理政')] };
const researchDefaults = { unitId: 'research', targets: null, items: [item('u2', '政协章程')] };
const base = { personId: 'p', year: 2026, stage: 'year' as const };
const organisationAnnualHours = 50;

describe('organisationTargets', () => {
  it('is the whole annual target for the year and a share of its days, to a tenth, for a quarter', () => {
    expect(organisationTargets(50, 2026, 'year')).toEqual({ totalHours: 50, byCategory: {} });
    expect(organisationTargets(50, 2026, 'q1').totalHours).toBe(12.3); // 90 of 365 days
    expect(organisationTargets(50, 2026, 'q4').totalHours).toBe(12.6); // 92 of 365 days
    expect(organisationTargets(50, 2024, 'q1').totalHours).toBe(12.4); // 91 of 366 days
    expect(organisationTargets(0, 2026, 'q3').totalHours).toBe(0);
  });
});

describe('resolvePlan', () => {
  it('gives the organisation’s annual target (never 0) and an empty list when nothing was set', () => {
    expect(resolvePlan({ ...base, personal: null, unitDefaults: [], organisationAnnualHours })).toEqual({
      ...base,
      targets: { totalHours: 50, byCategory: {} },
      readingList: [],
      updatedAt: null,
    });
    // A quarter's plan starts from the quarter's share of the year's days, as progress measures it.
    expect(resolvePlan({ ...base, stage: 'q2', personal: null, unitDefaults: [], organisationAnnualHours }).targets).toEqual({ totalHours: 12.5, byCategory: {} });
  });

  it('gives a personal plan without targets the unit’s, else the organisation’s', () => {
    const personal: PersonalPlan = { ...base, targets: null, ownItems: [], unitItemStatus: {}, updatedAt: '2026-02-01T00:00:00.000Z' };
    expect(resolvePlan({ ...base, personal, unitDefaults: [researchDefaults], organisationAnnualHours: 80 }).targets.totalHours).toBe(80);
    expect(resolvePlan({ ...base, personal, unitDefaults: [researchDefaults, officeDefaults], organisationAnnualHours: 80 }).targets.totalHours).toBe(50);
  });

  it('takes targets from the nearest unit that set them and lists every unit’s items, office first', () => {
    const plan = resolvePlan({ ...base, personal: null, unitDefaults: [researchDefaults, officeDefaults], organisationAnnualHours });
    expect(plan.targets.totalHours).toBe(50);
    expect(plan.readingList.map((i) => i.id)).toEqual(['u1', 'u2']);
  });

  it('uses the person’s own targets, statuses and items over the defaults', () => {
    const personal: PersonalPlan = {
      ...base,
      targets: { totalHours: 60, byCategory: {} },
      ownItems: [item('o1', '乡土中国', 'own')],
      unitItemStatus: { u2: 'done' },
      updatedAt: '2026-02-01T00:00:00.000Z',
    };
    const plan = resolvePlan({ ...base, personal, unitDefaults: [researchDefaults, officeDefaults], organisationAnnualHours });
    expect(plan.targets.totalHours).toBe(60);
    expect(plan.readingList.map((i) => [i.id, i.status, i.source])).toEqual([
      ['u1', 'not-started', 'unit'],
      ['u2', 'done', 'unit'],
      ['o1', 'not-started', 'own'],
    ]);
    expect(plan.updatedAt).toBe('2026-02-01T00:00:00.000Z');
  });
});

describe('applyPlanEdit', () => {
  let n = 0;
  const newId = () => `new${++n}`;
  const edit: SavePlan = {
    targets: { totalHours: 55, byCategory: {} },
    readingList: [
      { id: 'u1', title: 'renamed by the person', author: '', resourceId: null, status: 'reading' },
      { title: '新书', author: '费孝通', resourceId: 'r1', status: 'not-started' },
      { id: 'o1', title: '乡土中国', author: '', resourceId: null, status: 'done' },
      { id: 'someone-elses', title: '别人的书', author: '', resourceId: null, status: 'done' },
    ],
  };
  const previous: PersonalPlan = { ...base, targets: null, ownItems: [item('o1', '乡土中国', 'own')], unitItemStatus: { u2: 'done' }, updatedAt: 'x' };

  it('takes only a status for unit items, keeps own ids, and gives new and foreign ids fresh ones', () => {
    n = 0;
    const next = applyPlanEdit({ ...base, edit, unitItemIds: new Set(['u1', 'u2']), previous, newId, now: '2026-03-01T00:00:00.000Z' });
    expect(next.unitItemStatus).toEqual({ u1: 'reading', u2: 'done' });
    expect(next.ownItems.map((i) => [i.id, i.title, i.status, i.source])).toEqual([
      ['new1', '新书', 'not-started', 'own'],
      ['o1', '乡土中国', 'done', 'own'],
      ['new2', '别人的书', 'done', 'own'],
    ]);
    expect(next.targets?.totalHours).toBe(55);
    expect(next.updatedAt).toBe('2026-03-01T00:00:00.000Z');
  });

  it('drops own items left out of the list', () => {
    const next = applyPlanEdit({ ...base, edit: { ...edit, readingList: [] }, unitItemIds: new Set(), previous, newId, now: 'y' });
    expect(next.ownItems).toEqual([]);
  });
});

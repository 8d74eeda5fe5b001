import { describe, expect, it } from 'vitest';
import { researchOverviewSchema, type FieldVisit, type ResearchReport } from '../../shared/schemas/programme-research.ts';
import { researchOverview, type ResearchPerson } from './research-overview.ts';

const at = '2026-01-01T00:00:00.000Z';
const visit = (id: string, personId: string, date: string): FieldVisit => ({ id, personId, kind: 'village', date, place: 'X', summary: '', createdAt: at });
const report = (id: string, personId: string, date: string, status: ResearchReport['status']): ResearchReport => ({ id, personId, title: id, status, date, fileUrl: null, createdAt: at, updatedAt: at });
const person = (id: string, name: string, extra: Partial<ResearchPerson> = {}): ResearchPerson => ({ id, name, unitId: 'u1', active: true, ...extra });
const target = { min: 2, max: 3 };

const overview = (people: ResearchPerson[], visits: FieldVisit[] = [], reports: ResearchReport[] = []) =>
  researchOverviewSchema.parse(researchOverview({ year: 2026, target, people, visits, reports }));

describe('researchOverview', () => {
  it('lists visits and reports by date, whatever order the store gave them in', () => {
    const body = overview([person('p', '甲')], [visit('v2', 'p', '2026-05-01'), visit('v1', 'p', '2026-02-01')], [report('r2', 'p', '2026-09-01', 'adopted'), report('r1', 'p', '2026-03-01', 'draft')]);
    expect(body.visits.map((v) => v.id)).toEqual(['v1', 'v2']);
    expect(body.reports.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(body).toMatchObject({ year: 2026, target });
  });

  it("gives each person's standing against the target, by name", () => {
    const body = overview([person('q', '乙', { unitId: 'u2' }), person('p', '甲')], [visit('v1', 'p', '2026-02-01')], [report('r1', 'p', '2026-03-01', 'submitted'), report('r2', 'p', '2026-04-01', 'draft'), report('r3', 'q', '2026-04-01', 'adopted'), report('r4', 'q', '2026-05-01', 'submitted')]);
    expect(body.people).toEqual([
      { personId: 'p', name: '甲', unitId: 'u1', reportsCounted: 1, drafts: 1, visits: 1, missing: 1 },
      { personId: 'q', name: '乙', unitId: 'u2', reportsCounted: 2, drafts: 0, visits: 0, missing: 0 },
    ]);
  });

  it('expects no standing from inactive accounts or people outside every unit, yet lists their records', () => {
    const body = overview([person('p', '甲', { active: false }), person('a', '管理员', { unitId: null }), person('q', '乙')], [visit('v1', 'p', '2026-02-01')], [report('r1', 'a', '2026-03-01', 'submitted')]);
    expect(body.people.map((p) => p.personId)).toEqual(['q']);
    expect(body.visits.map((v) => v.id)).toEqual(['v1']);
    expect(body.reports.map((r) => r.id)).toEqual(['r1']);
  });

  it('leaves its inputs as they were', () => {
    const visits = [visit('v2', 'p', '2026-05-01'), visit('v1', 'p', '2026-02-01')];
    const people = [person('q', '乙'), person('p', '甲')];
    overview(people, visits);
    expect(visits.map((v) => v.id)).toEqual(['v2', 'v1']);
    expect(people.map((p) => p.id)).toEqual(['q', 'p']);
  });
});

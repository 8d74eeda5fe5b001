import { describe, expect, it } from 'vitest';
import { withCreditRules } from './credit-rules.ts';
import type { FieldVisit, ResearchReport } from '../../shared/schemas/programme-research.ts';
import { DEFAULT_PROGRAMME_SETTINGS, type OnlineCredit } from '../../shared/schemas/programme-settings.ts';
import type { StudyPlan } from '../../shared/schemas/programme-plans.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import { annualRecord } from './annual-record.ts';
import { studyHoursInRange } from './study-hours.ts';
import { effectiveTarget } from './effective-target.ts';
import { countAttendance } from './attendance-counts.ts';
import { planProgress } from './plan-progress.ts';

const plan: StudyPlan = {
  personId: 'p',
  year: 2026,
  stage: 'year',
  targets: { totalHours: 50, byCategory: { 'political-theory': 20 } },
  readingList: [{ id: 'i1', title: '乡土中国', author: '费孝通', resourceId: null, status: 'done', source: 'own' }],
  updatedAt: null,
};
const range = { from: '2026-01-01', to: '2026-12-31' };
const noCap: OnlineCredit = { hoursPerHour: 1, yearlyCapHours: null };
const credit = (online = noCap) => studyHoursInRange({ range, onlineDays: [{ day: dayNumber('2026-03-06'), creditedSeconds: 40 * 3600 }], sessionHours: 8, rules: withCreditRules({ ...DEFAULT_PROGRAMME_SETTINGS, online }).creditRules });
const target = (totalHours: number) => effectiveTarget({ personal: { totalHours, period: null }, unit: null, organisationAnnualHours: 50, range, today: '2027-01-10', firstDay: '2025-01-01' });
const progress = planProgress({
  plan,
  range,
  onlineSecondsByCategory: { 'political-theory': 30 * 3600, professional: 10 * 3600 },
  sessions: [{ creditedHours: 8, category: null }],
  notes: [],
  credit: credit(),
  target: target(50),
});
const report = (title: string, status: ResearchReport['status'], date: string, personId = 'p'): ResearchReport => ({
  id: title,
  personId,
  title,
  status,
  date,
  fileUrl: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const visit = (kind: FieldVisit['kind'], date: string): FieldVisit => ({ id: date, personId: 'p', kind, date, place: '某地', summary: '', createdAt: '2026-01-01T00:00:00.000Z' });
const present = { sessionId: 's', personId: 'p', status: 'present' as const, reason: '', makeUp: null, checkedInAt: null, markedBy: 'p', updatedAt: '2026-01-01T00:00:00.000Z' };

function record(overrides: Partial<Parameters<typeof annualRecord>[0]> = {}) {
  return annualRecord({
    person: { id: 'p', name: '张伟', unitId: 'research' },
    year: 2026,
    progress,
    credit: credit(),
    target: target(50),
    attendance: countAttendance([{ endMs: 0, entry: present }], 1),
    notes: Array.from({ length: 12 }, (_, i) => ({ quote: '学习笔记', comment: i === 0 ? '𠀀好' : '', reviewed: i < 3 })),
    reports: [report('调研一', 'adopted', '2026-05-01'), report('调研二', 'submitted', '2026-09-01'), report('草稿', 'draft', '2026-10-01'), report('去年', 'adopted', '2025-05-01'), report('别人', 'adopted', '2026-05-01', 'q')],
    visits: [visit('enterprise', '2026-04-01'), visit('enterprise', '2026-06-01'), visit('village', '2026-07-01'), visit('market', '2025-07-01')],
    reportTarget: { min: 2, max: 3 },
    remarks: '学习认真',
    decision: null,
    ...overrides,
  });
}

describe('annualRecord', () => {
  it('puts plan against credited hours, with categories as counted', () => {
    const r = record();
    expect(r.hours).toMatchObject({ targetHours: 50, targetBasis: { source: 'plan', setHours: 50 }, onlineSeconds: 144_000, onlineCreditedHours: 40, sessionHours: 8, totalHours: 48, share: 48 / 50, adjustments: [] });
    expect(r.hours.byCategory.find((c) => c.category === 'political-theory')).toEqual({ category: 'political-theory', targetHours: 20, achievedHours: 30 });
    expect(r.reading).toEqual({ total: 1, done: 1 });
  });

  it('counts notes, their characters (a character outside the BMP counts once) and the reviewed share', () => {
    expect(record().notes).toEqual({ count: 12, characters: 12 * 4 + 2, reviewed: 3, reviewedShare: 0.25 });
    expect(record({ notes: [] }).notes).toEqual({ count: 0, characters: 0, reviewed: 0, reviewedShare: null });
  });

  it('lists the year’s own reports by date and visits by kind', () => {
    const r = record();
    expect(r.research.reports.map((x) => x.title)).toEqual(['调研一', '调研二', '草稿']);
    expect(r.research.reportsCounted).toBe(2);
    expect(r.research.visits.filter((v) => v.count > 0)).toEqual([
      { kind: 'enterprise', count: 2 },
      { kind: 'village', count: 1 },
    ]);
    expect(r.research.visits).toHaveLength(6);
  });

  it('suggests a grade from the rule and carries the leader’s decision and remarks', () => {
    const r = record();
    // 96% of the hours target: competent on hours, excellent elsewhere.
    expect(r.grade.suggested).toBe('competent');
    expect(r.grade.basis.find((b) => b.criterion === 'hours')?.met).toBe('competent');
    const decision = { grade: 'excellent' as const, reason: '全年表现突出', decidedBy: 'l', decidedByName: '王主任', decidedAt: '2027-01-05T00:00:00.000Z', figures: null };
    expect(record({ decision }).grade.decision).toEqual(decision);
    expect(r.remarks).toBe('学习认真');
  });

  it('has no hours share without a target, and applies the online cap to the total', () => {
    const r = record({ target: target(0), credit: credit({ hoursPerHour: 1, yearlyCapHours: 30 }) });
    expect(r.hours.share).toBeNull();
    expect(r.hours).toMatchObject({ onlineCreditedHours: 30, totalHours: 38, adjustments: [{ reason: 'online_cap', hours: -10 }] });
  });
});

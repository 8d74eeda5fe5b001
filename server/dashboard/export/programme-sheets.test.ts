import { describe, expect, it } from 'vitest';
import type { MonthlyBulletin } from '../../../shared/schemas/programme-attendance.ts';
import type { AnnualRecord } from '../../../shared/schemas/programme-record.ts';
import { translator } from '../i18n/t.ts';
import { annualRecordSheets, bulletinSheets, summarySheets } from './programme-sheets.ts';

const t = translator('zh-CN');
const units = [{ id: 'r', name: '研究室', parentId: null }];
const counts = { expected: 4, present: 2, late: 1, leave: 1, absent: 0, unrecorded: 0, madeUp: 0, attended: 3, counted: 3, rate: 1 };

const bulletin: MonthlyBulletin = {
  unitId: 'r',
  month: '2026-03',
  sessions: [{ id: 's', date: '2026-03-06', kind: 'collective-study', topic: '两会精神' }],
  totals: counts,
  people: [{ personId: 'p', name: '=HYPERLINK("x")', unitId: 'r', counts }],
  exceptions: [{ personId: 'p', name: '张伟', sessionId: 's', date: '2026-03-06', topic: '两会精神', status: 'leave', reason: '出差', madeUp: false }],
};

const record: AnnualRecord = {
  personId: 'p',
  name: '张伟',
  unitId: 'r',
  year: 2026,
  hours: {
    targetHours: 50,
    targetBasis: { source: 'plan', setHours: 50, dueFrom: '2026-01-01', dueTo: '2026-12-31' },
    onlineSeconds: 144_000,
    onlineCreditedHours: 30,
    sessionHours: 16,
    totalHours: 46,
    share: 0.92,
    adjustments: [{ reason: 'online_cap', hours: -10 }],
    byCategory: [{ category: 'political-theory', targetHours: 20, achievedHours: 25 }],
  },
  reading: { total: 3, done: 2 },
  attendance: counts,
  notes: { count: 14, characters: 5230, reviewed: 7, reviewedShare: 0.5 },
  research: { target: { min: 2, max: 3 }, reports: [{ title: '乡村振兴调研', status: 'adopted', date: '2026-06-01' }], reportsCounted: 1, visits: [{ kind: 'village', count: 2 }] },
  remarks: '学习认真',
  grade: { suggested: 'competent', basis: [], decision: { grade: 'excellent', reason: '成绩突出', decidedBy: 'l', decidedByName: '王主任', decidedAt: '2027-01-05T00:00:00.000Z', figures: null }, staleFigures: [] },
};

describe('programme sheets', () => {
  it('puts the bulletin’s people and named absences on two sheets, neutralising formulas', () => {
    const [people, absences] = bulletinSheets(bulletin, units, t);
    expect(people!.rows[0]).toEqual([`'=HYPERLINK("x")`, '研究室', 4, 2, 1, 1, 0, 0, 0, 100]);
    expect(absences!.rows).toEqual([['2026-03-06', '张伟', '两会精神', '请假', '出差', '否']]);
  });

  it('lists the annual record as item/value rows with the cap, reports, visits and the decided grade', () => {
    const rows = annualRecordSheets(record, units, t)[0]!.rows;
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(value('网络学习（统计）')).toBe(40);
    expect(value('超出网络学习年度上限')).toBe(-10);
    expect(value('合计学时')).toBe(46);
    expect(value('调研报告: 乡村振兴调研')).toBe('2026-06-01 已采用');
    expect(value('进农村')).toBe(2);
    expect(value('建议等次')).toBe('称职');
    expect(value('确定等次')).toBe('优秀');
    expect(value('调整理由')).toBe('成绩突出');
  });

  it('gives one summary row per person with an undecided grade named as such', () => {
    const undecided = { ...record, grade: { ...record.grade, decision: null } };
    const rows = summarySheets({ year: 2026, people: 1, totalHours: 46, targetHours: 50, onTarget: 0, attendance: counts, notesCount: 14, reportsCounted: 1, missingReports: 1, suggested: { excellent: 0, competent: 1, 'basically-competent': 0, 'not-competent': 0 }, final: { excellent: 0, competent: 0, 'basically-competent': 0, 'not-competent': 0 }, undecided: 1, units: [], records: [undecided] }, units, t)[0]!.rows;
    expect(rows).toEqual([['张伟', '研究室', 50, 46, 100, 14, 1, '称职', '待领导确认']]);
  });
});

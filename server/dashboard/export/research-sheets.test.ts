import { describe, expect, it } from 'vitest';
import type { ResearchOverview } from '../../../shared/schemas/programme-research.ts';
import { translator } from '../i18n/t.ts';
import { researchSheets } from './research-sheets.ts';

const t = translator('zh-CN');
const units = [
  { id: 'r', name: '研究室', parentId: null },
  { id: 'c', name: '文化室', parentId: null },
];
const at = '2026-03-01T00:00:00.000Z';
const overview: ResearchOverview = {
  year: 2026,
  target: { min: 2, max: 3 },
  visits: [
    { id: 'v1', personId: 'p', kind: 'enterprise', date: '2026-03-02', place: '=cmd|"/c calc"!A1', summary: '+1', createdAt: at },
    { id: 'v2', personId: 'p', kind: 'market', date: '2026-03-03', place: '农贸市场', summary: '', createdAt: at },
    { id: 'v3', personId: 'q', kind: 'school', date: '2026-03-04', place: '实验小学', summary: '', createdAt: at },
  ],
  reports: [{ id: 'r1', personId: 'q', title: '@SUM(A1)', status: 'adopted', date: '2026-03-05', fileUrl: null, createdAt: at, updatedAt: at }],
  people: [
    { personId: 'p', name: '张伟', unitId: 'r', reportsCounted: 0, drafts: 1, visits: 2, missing: 2 },
    { personId: 'q', name: '-李娜', unitId: 'c', reportsCounted: 1, drafts: 0, visits: 1, missing: 1 },
  ],
};

describe('research export', () => {
  const [people, coverage, visits, reports] = researchSheets(overview, units, t);
  it('lists each person against the target', () => {
    expect(people!.rows).toEqual([
      ['张伟', '研究室', 0, 1, 2, 2],
      ["'-李娜", '文化室', 1, 0, 1, 1],
    ]);
  });
  it('has one column per kind of visit and a row per unit', () => {
    expect(coverage!.columns.map((c) => c.header)).toEqual(['单位', '进企业', '进农村', '进社区', '进学校', '进工地', '进市场', '已覆盖类别数']);
    expect(coverage!.rows).toEqual([
      ['研究室', 1, 0, 0, 0, 0, 1, 2],
      ['文化室', 0, 0, 0, 1, 0, 0, 1],
    ]);
  });
  it('escapes every text cell a spreadsheet could run as a formula', () => {
    expect(visits!.rows[0]).toEqual(['2026-03-02', '张伟', '进企业', `'=cmd|"/c calc"!A1`, "'+1"]);
    expect(reports!.rows).toEqual([['2026-03-05', "'-李娜", "'@SUM(A1)", t('report.adopted')]]);
  });
});

import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { liWeekLog, officeMarch, resources, units } from '../../../test/fixtures/dashboard/api-responses.ts';
import { personFiguresSchema } from '../../../shared/schemas/figures.ts';
import { translator } from '../i18n/t.ts';
import { personLogModel } from '../models/person.ts';
import { personLogSheets, unitSummarySheets } from './report-sheets.ts';
import { toXlsx } from './xlsx.ts';

const t = translator('zh-CN');

describe('unit summary export', () => {
  const [people, about] = unitSummarySheets(officeMarch, units, t);

  it('has one row per person in name order, hours as numbers with one decimal', () => {
    expect(people!.rows.map((r) => r[1])).toEqual(['p-formula', 'p-wang', 'p-li', 'p-zhang']);
    expect(people!.rows[2]).toEqual(['李娜', 'p-li', '办公室 Office / 研究室 Research', '学员', 3, 3.2, 4.2, 1.2, 2, '是']);
    expect(about!.rows[0]).toEqual(['单位', '办公室 Office']);
  });

  it('neutralises a name that a spreadsheet would run as a formula', () => {
    expect(people!.rows[0]![0]).toBe('\'=HYPERLINK("http://evil.example","x")');
  });
});

const liFigures = personFiguresSchema.parse({
  personId: 'p-li',
  from: '2026-03-02',
  to: '2026-03-08',
  onlineSeconds: 5400,
  onlineCreditedHours: 1.5,
  sessionHours: 2,
  totalSeconds: 12_600,
  totalHours: 3.5,
  adjustments: [],
  targetHours: 1,
  targetBasis: { source: 'organisation', setHours: 50, dueFrom: '2026-03-02', dueTo: '2026-03-08' },
  gapHours: 0,
  behind: false,
  creditRules: [{ version: 1, from: null }],
});

describe('person log export', () => {
  it('heads with the figures route’s hours and target, as the overview and annual record show them', () => {
    const about = personLogSheets(personLogModel(liWeekLog, resources), liFigures, { name: '李娜', username: 'p-li' }, t)[2]!;
    expect(about.rows).toContainEqual(['认定学时', 3.5]);
    expect(about.rows).toContainEqual(['网络学习（计入）', 1.5]);
    expect(about.rows).toContainEqual(['集中学习（核定）', 2]);
    expect(about.rows).toContainEqual(['目标学时', 1]);
    expect(about.rows).toContainEqual(['差额学时', 0]);
    expect(about.rows).toContainEqual(['未达目标', '否']);
    expect(about.rows).toContainEqual(['学时规则', '认定依据：学时规则第 1 版（最初），每天按当天有效的规则认定']);
  });

  it('lists days, resources (deleted ones by id) and the discounts with reasons', () => {
    const [days, byResource, about] = personLogSheets(personLogModel(liWeekLog, resources), liFigures, { name: '李娜', username: 'p-li' }, translator('en'));
    expect(days!.rows).toEqual([
      ['2026-03-02', 0.5, 0.5],
      ['2026-03-03', 1, 1.5],
    ]);
    expect(byResource!.rows).toEqual([
      ['理论学习 Theory', 'Political theory', 1],
      ['r-gone', '', 0.5],
    ]);
    expect(about!.rows).toContainEqual(['Overlap', 0.3]);
    expect(about!.rows).toContainEqual(['Over the daily cap', 0.2]);
  });
});

describe('toXlsx', () => {
  it('writes a workbook that exceljs reads back with the same rows, formulas kept as text', async () => {
    const buffer = await toXlsx(unitSummarySheets(officeMarch, units, t));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer);
    const ws = book.getWorksheet('人员学时')!;
    expect(ws.rowCount).toBe(5);
    expect(ws.getRow(1).getCell(1).value).toBe('姓名');
    expect(ws.getRow(4).getCell(1).value).toBe('李娜');
    expect(ws.getRow(4).getCell(5).value).toBe(3);
    expect(ws.getRow(4).getCell(5).numFmt).toBe('0.0');
    const bait = ws.getRow(2).getCell(1);
    expect(bait.type).toBe(ExcelJS.ValueType.String);
    expect(bait.value).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(book.getWorksheet('说明')).toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { ARRANGEMENT_PROBLEMS } from '../../../programme/holiday-arrangement.ts';
import { translator } from '../../i18n/t.ts';
import { arrangementProblemText } from './holiday-problems.ts';

const zh = translator('zh-CN');
const en = translator('en');

describe('arrangementProblemText', () => {
  it.each(ARRANGEMENT_PROBLEMS)('says %s in zh-CN and en, with the line and every placeholder filled', (code) => {
    const problem = { line: 3, code, text: '国庆节 2026-10-01', date: '2026-10-01', otherLine: 1 };
    const texts = [arrangementProblemText(problem, zh), arrangementProblemText(problem, en)];
    for (const text of texts) {
      expect(text).toContain('3');
      expect(text).toContain('国庆节 2026-10-01');
      expect(text).not.toMatch(/\{\w+\}|holidays\.problem/);
    }
    expect(texts[0]).not.toBe(texts[1]);
  });

  it('names the date and the other line where the problem has them', () => {
    const problem = { line: 4, code: 'workday_in_holiday' as const, text: '调休上班 2026-10-03', date: '2026-10-03', otherLine: 2 };
    expect(arrangementProblemText(problem, zh)).toBe('第 4 行「调休上班 2026-10-03」：2026-10-03 在第 2 行的假期之内，不能调休上班。');
    expect(arrangementProblemText(problem, en)).toBe('Line 4 ("调休上班 2026-10-03"): 2026-10-03 is inside the holiday on line 2, so it cannot be a working day.');
  });
});

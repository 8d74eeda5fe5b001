import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../../shared/schemas/errors.ts';
import { TARIFF_KINDS } from '../../../../shared/schemas/programme-calendar.ts';
import { ApiFailure } from '../../api/http.ts';
import { translator } from '../../i18n/t.ts';
import { refusalMessage } from './error-message.ts';

const zh = translator('zh-CN');
const en = translator('en');

/** Every detail any route sends, so no placeholder can stay unfilled. */
const DETAILS = {
  topic: '学习全国两会精神',
  date: '2026-03-06',
  from: '14:30',
  to: '17:30',
  today: '2026-12-07',
  sessionDate: '2026-11-20',
  status: 'absent',
  tariff: 'half-day',
  neededHours: '4',
  actualHours: '1',
  organiser: '张三',
  year: '2025',
  name: '办公室',
  people: '3',
  units: '1',
  sessions: '2',
  lines: '2, 5',
};

/** The variants a code's message depends on. */
const VARIANTS: Record<string, Record<string, string>[]> = {
  impossible_times: ['ends_before_start', 'too_short', 'too_long', 'spans_days'].map((problem) => ({ problem })),
  implausible_date: ['too_far', 'in_future', 'before_session', 'not_started'].map((problem) => ({ problem })),
  own_record: [{ record: 'attendance' }, { record: 'report' }],
};

const cases = Object.values(ERROR_CODES).flatMap((code) => (VARIANTS[code] ?? [{}]).map((variant) => ({ code, variant })));

describe('refusalMessage', () => {
  it.each(cases)('has a zh-CN and an en message for $code $variant, filled in and not the generic one', ({ code, variant }) => {
    const failure = new ApiFailure(code === 'internal_error' ? 500 : 409, code, 'server text', { ...DETAILS, ...variant });
    const texts = [refusalMessage(failure, zh), refusalMessage(failure, en)];
    for (const text of texts) {
      expect(text).not.toBeNull();
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).not.toBe(zh('error.rejected'));
      expect(text).not.toBe(en('error.rejected'));
    }
    expect(texts[0]).not.toBe(texts[1]);
  });

  it('names the clashing session with its local times, in each language', () => {
    const clash = new ApiFailure(409, 'session_clash', 'The session overlaps …', { topic: '专题辅导', date: '2026-03-06', from: '16:00', to: '18:00' });
    expect(refusalMessage(clash, zh)).toBe('与“专题辅导”（2026-03-06 16:00–18:00）时间冲突：涉及同一批人员或同一组织人。');
    expect(refusalMessage(clash, en)).toBe('It clashes with "专题辅导" (2026-03-06 16:00–18:00): the same people or the same organiser.');
  });

  it('shows a tariff by its name, never its code', () => {
    const failure = new ApiFailure(400, 'tariff_too_long', '…', { tariff: 'day', neededHours: '8', actualHours: '1.5' });
    expect(refusalMessage(failure, zh)).toContain('全天按 8 小时计');
    expect(refusalMessage(failure, en)).toContain(`${en('tariff.day')} (8 h)`);
  });

  it('names every tariff kind the schema has, so a new kind cannot show as its code', () => {
    for (const tariff of TARIFF_KINDS) {
      const failure = new ApiFailure(400, 'tariff_too_long', '…', { tariff, neededHours: '8', actualHours: '1.5' });
      for (const t of [zh, en]) expect(refusalMessage(failure, t)).toContain(t(`tariff.${tariff}`));
    }
  });

  it('leaves network failures and other errors to the general words', () => {
    expect(refusalMessage(new ApiFailure(0, 'network', 'offline'), zh)).toBeNull();
    expect(refusalMessage(new Error('x'), zh)).toBeNull();
  });

  it('falls back to the validation message for a problem it does not know', () => {
    expect(refusalMessage(new ApiFailure(400, 'impossible_times', '…', { problem: 'new_problem' }), zh)).toBe(zh('apiError.validation_failed'));
  });
});

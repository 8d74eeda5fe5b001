import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';
import { savedLocale, translator } from './t.ts';

describe('messages', () => {
  it('exist in both languages for every key, never empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [key, text] of [...Object.entries(zhCN), ...Object.entries(en)]) expect(text, key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) expect(names(en[key]), key).toEqual(names(zhCN[key]));
  });

  it('bracket Chinese text with full-width （） in zh-CN, ASCII () in en', () => {
    const value = { hours: 1, tariff: translator('zh-CN')('tariff.actual') };
    expect(translator('zh-CN')('session.creditedHoursValue', value)).toBe('1（按实际时长）');
    expect(translator('en')('session.creditedHoursValue', { hours: 1, tariff: translator('en')('tariff.actual') })).toBe('1 (Actual length)');
    const halfWidth = Object.entries(zhCN).filter(([, text]) => /\([^()]*[\u4e00-\u9fff][^()]*\)|\([^()]*\{\w+\}\)/.test(text));
    expect(halfWidth.map(([key]) => key)).toEqual([]);
  });

  it('fill placeholders as plain text and default to zh-CN', () => {
    expect(translator('en')('notes.range', { first: 1, last: 20, total: 25 })).toBe('1–20 of 25');
    expect(translator('zh-CN')('signIn.failed', { detail: '<b>x</b>' })).toBe('登录失败：<b>x</b>');
    expect(savedLocale({ getItem: () => null })).toBe('zh-CN');
    expect(savedLocale({ getItem: () => 'en' })).toBe('en');
  });
});

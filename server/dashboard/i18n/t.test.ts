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

  it('fill placeholders as plain text and default to zh-CN', () => {
    expect(translator('en')('notes.range', { first: 1, last: 20, total: 25 })).toBe('1–20 of 25');
    expect(translator('zh-CN')('signIn.failed', { detail: '<b>x</b>' })).toBe('登录失败：<b>x</b>');
    expect(savedLocale({ getItem: () => null })).toBe('zh-CN');
    expect(savedLocale({ getItem: () => 'en' })).toBe('en');
  });
});

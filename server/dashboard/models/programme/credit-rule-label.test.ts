import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/t.ts';
import { creditRuleLabel, creditRulesLine } from './credit-rule-label.ts';

const zh = translator('zh-CN');
const en = translator('en');

describe('creditRuleLabel', () => {
  it('names the version and its first day in both languages', () => {
    expect(creditRuleLabel({ version: 2, from: '2026-12-07' }, zh)).toBe('学时规则第 2 版（2026-12-07 起）');
    expect(creditRuleLabel({ version: 2, from: '2026-12-07' }, en)).toBe('credit rules v2 (from 2026-12-07)');
    expect(creditRuleLabel({ version: 1, from: null }, zh)).toBe('学时规则第 1 版（最初）');
    expect(creditRuleLabel({ version: 1, from: null }, en)).toBe('credit rules v1 (original)');
  });

  it('says when a session was recorded before versions were kept', () => {
    expect(creditRuleLabel(null, zh)).toBe('学时规则分版本前录入，按录入时的标准');
    expect(creditRuleLabel(null, en)).toBe('recorded before credit rules were versioned, under the rules of the time');
  });
});

describe('creditRulesLine', () => {
  it('lists the versions of a range, each day credited under its own', () => {
    const rules = [
      { version: 1, from: null },
      { version: 2, from: '2026-12-07' },
    ];
    expect(creditRulesLine(rules, zh)).toBe('认定依据：学时规则第 1 版（最初）、学时规则第 2 版（2026-12-07 起），每天按当天有效的规则认定');
    expect(creditRulesLine(rules, en)).toBe('Credited under credit rules v1 (original), credit rules v2 (from 2026-12-07), each day under the rules in force on it');
  });
});

// How a figure says which credit rules it was made under (server/programme/credit-rules.ts): a
// session names its version, a person's range lists the versions its days fall under, and the admin
// screen lists every version. Version 1 with no first day is the rules from the beginning.
import type { CreditRuleRef } from '../../../../shared/schemas/programme-settings.ts';
import type { Translate } from '../../i18n/t.ts';

/** "学时规则第 2 版（2026-12-07 起）"; a session recorded before versions were kept says so. */
export function creditRuleLabel(rule: CreditRuleRef | null, t: Translate): string {
  if (rule === null) return t('creditRule.unversioned');
  return rule.from === null ? t('creditRule.original', { version: rule.version }) : t('creditRule.from', { version: rule.version, from: rule.from });
}

/** The versions a range's figures were credited under, in one line. */
export function creditRulesLine(rules: readonly CreditRuleRef[], t: Translate): string {
  return t('creditRule.range', { rules: rules.map((r) => creditRuleLabel(r, t)).join(t('creditRule.separator')) });
}

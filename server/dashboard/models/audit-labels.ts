// The audit log in words: each action by its label in the reader's language (an action the dashboard
// does not know yet shows as sent), each target by its name, never a bare id.
import type { AuditEntry } from '../../../shared/schemas/organisation.ts';
import type { MessageKey, Translate } from '../i18n/t.ts';
import { zhCN } from '../i18n/zh-CN.ts';

export function auditActionLabel(action: string, t: Translate): string {
  const key = `audit.action.${action}`;
  return key in zhCN ? t(key as MessageKey) : action;
}

export function auditTargetLabel(entry: Pick<AuditEntry, 'target' | 'targetLabel'>, t: Translate): string {
  if (entry.targetLabel !== null) return entry.targetLabel;
  const kind = entry.target.split(':')[0];
  if (kind === 'settings' || kind === 'programme-settings' || kind === 'note') return t(`audit.target.${kind}`);
  return t('audit.target.removed');
}

// Who is making an administrative change, from where, for the audit entry the store writes with it.
import type { Context } from 'hono';
import type { AuditContext } from '../store/store-contract.ts';
import type { AppEnv } from './app-env.ts';

export function auditContext(c: Context<AppEnv>, reason: string | undefined): AuditContext {
  const user = c.get('user');
  return {
    actor: { id: user.id, name: user.name },
    reason: reason === undefined || reason === '' ? null : reason,
    address: c.get('client').address,
  };
}

// The audit entry a programme write carries: the signed-in person, their address and the reason given.
import type { Context } from 'hono';
import type { ProgrammeAudit } from '../store/programme/programme-store.ts';
import type { AppEnv } from './app-env.ts';
import { auditContext } from './audit-context.ts';

export function programmeAudit(c: Context<AppEnv>, action: string, target: string, details: string, reason?: string): ProgrammeAudit {
  return { context: auditContext(c, reason), action, target, details };
}

// Records a person's proposal to change what counts for their own assessment, audited; it takes
// effect only when a leader over them approves it (server/routes/changes.ts).
import type { Context } from 'hono';
import type { ChangeRequest, ProposedChange } from '../../shared/schemas/programme-changes.ts';
import type { AppEnv } from './app-env.ts';
import { programmeAudit } from './programme-audit.ts';
import { newId } from '../store/ids.ts';
import type { ProgrammeStore } from '../store/programme/programme-store.ts';
import { describeChange } from './audit-details.ts';

export function proposeChange(c: Context<AppEnv>, programme: ProgrammeStore, change: ProposedChange, nowMs: number): Promise<ChangeRequest> {
  const viewer = c.get('user');
  const request: ChangeRequest = {
    id: newId(),
    personId: viewer.id,
    personName: viewer.name,
    change,
    state: 'pending',
    proposedAt: new Date(nowMs).toISOString(),
    proposedById: viewer.id,
    proposedByName: viewer.name,
    decidedAt: null,
    decidedById: null,
    decidedByName: null,
    reason: '',
  };
  return programme.saveChange(request, programmeAudit(c, 'change.propose', `person:${viewer.id}`, describeChange(request)));
}

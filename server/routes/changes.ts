// Proposed changes to what counts (a person's own plan targets, their own report's status): listed for
// the person and those over them; a leader over the person (never the person) or an admin approves or
// rejects. Approval applies the change and records the decision in one commit; both are audited.
import { Hono } from 'hono';
import { changeDecisionInputSchema, changeQuerySchema, changeRejectionInputSchema, type ChangeRequest } from '../../shared/schemas/programme-changes.ts';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { ApiError, conflict, forbidden, notFound } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { parseOrFail, readJson } from '../http/json-body.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import { signedIn } from '../http/signed-in.ts';
import { describeChange } from '../http/audit-details.ts';
import { loadDirectory, type Directory } from '../report-inputs/directory.ts';
import { assertYearsOpen } from '../http/year-lock.ts';
import { canViewPerson, oversees } from '../access/access-rules.ts';
import type { ProgrammeStore } from '../store/programme/programme-store.ts';
import type { ProgrammeOp } from '../store/programme/records.ts';
import type { UserRecord } from '../store/store-contract.ts';

/** The records an approved change writes, checked against the data as it is now. */
async function appliedOps(programme: ProgrammeStore, request: ChangeRequest, at: string): Promise<ProgrammeOp[]> {
  const c = request.change;
  if (c.kind === 'plan-targets') {
    await assertYearsOpen(programme, c.year);
    const previous = await programme.personalPlan(request.personId, c.year, c.stage);
    const plan = previous ?? { personId: request.personId, year: c.year, stage: c.stage, targets: null, ownItems: [], unitItemStatus: {}, updatedAt: at };
    return [{ type: 'programme.plan.put', plan: { ...plan, targets: c.to, updatedAt: at } }];
  }
  const report = await programme.findReport(c.reportId);
  if (!report) throw new ApiError(409, ERROR_CODES.conflict, `The report "${c.title}" has been withdrawn since the change was proposed`);
  await assertYearsOpen(programme, report.date);
  return [{ type: 'programme.report.put', report: { ...report, status: c.to, updatedAt: at } }];
}

function decider(directory: Directory, viewer: UserRecord, request: ChangeRequest): void {
  const person = directory.person(request.personId);
  // The person may have been erased since: then only an admin may still close their change.
  const over = person === undefined ? viewer.role === 'admin' : oversees(viewer, person, directory.parentOf);
  if (!over) throw forbidden('Only a leader over the person or an admin decides a proposed change, never the person themselves');
  if (request.state !== 'pending') throw conflict(`This change was already ${request.state}`);
}

export function changeRoutes(deps: AppDeps) {
  const { store, clock } = deps;
  const find = async (id: string) => {
    const request = await store.programme.findChange(id);
    if (!request) throw notFound(`There is no proposed change with id "${id}"`);
    return request;
  };
  return new Hono<AppEnv>()
    .get('/', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const query = parseOrFail(changeQuerySchema, c.req.query());
      const directory = await loadDirectory(store);
      const visible = (await store.programme.changes(query)).filter((r) => {
        const person = directory.person(r.personId);
        return person !== undefined && canViewPerson(viewer, person, directory.parentOf);
      });
      return c.json(visible);
    })
    .post('/:id/approve', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const request = await find(c.req.param('id'));
      decider(await loadDirectory(store), viewer, request);
      const { reason } = await readJson(c, changeDecisionInputSchema);
      const at = new Date(clock()).toISOString();
      const ops = await appliedOps(store.programme, request, at);
      const decided: ChangeRequest = { ...request, state: 'approved', decidedAt: at, decidedById: viewer.id, decidedByName: viewer.name, reason };
      return c.json(await store.programme.saveChange(decided, programmeAudit(c, 'change.approve', `person:${request.personId}`, describeChange(decided), reason), ops));
    })
    .post('/:id/reject', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      const request = await find(c.req.param('id'));
      decider(await loadDirectory(store), viewer, request);
      const { reason } = await readJson(c, changeRejectionInputSchema);
      const at = new Date(clock()).toISOString();
      const decided: ChangeRequest = { ...request, state: 'rejected', decidedAt: at, decidedById: viewer.id, decidedByName: viewer.name, reason };
      return c.json(await store.programme.saveChange(decided, programmeAudit(c, 'change.reject', `person:${request.personId}`, describeChange(decided), reason)));
    });
}

// People (`/api/people`): accounts with a role and a unit (admins manage them), their devices,
// passwords, learning logs, segments, figures, xAPI statements, study plans, and their own data
// (export, erasure). Every route checks who may see or change whom.
import { Hono, type Context } from 'hono';
import { createPersonSchema, setPasswordSchema, updatePersonSchema } from '../../shared/schemas/organisation.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { canViewPerson, parentLookup, visiblePeople } from '../access/access-rules.ts';
import { personInReach } from '../http/person-in-reach.ts';
import { learningLog } from '../aggregation/learning-log.ts';
import { segmentReports } from '../aggregation/segment-reports.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { ApiError, conflict, forbidden, notFound, validationFailed } from '../http/api-error.ts';
import type { AppDeps, AppEnv } from '../http/app-env.ts';
import { auditContext } from '../http/audit-context.ts';
import { limitAddress } from '../http/client-info.ts';
import { readJson } from '../http/json-body.ts';
import type { LoginThrottle } from '../http/login-throttle.ts';
import { reportRange } from '../http/report-range.ts';
import { signedIn } from '../http/signed-in.ts';
import { deviceView, personView } from '../http/records-to-wire.ts';
import { DATE_PROBLEM_MESSAGES, pastDateProblem } from '../programme/plausible-dates.ts';
import type { Store, UserRecord } from '../store/store-contract.ts';
import { eraseRequestSchema, type EraseResult } from '../../shared/schemas/personal-data.ts';
import type { PersonFigures } from '../../shared/schemas/figures.ts';
import { savePlanSchema } from '../../shared/schemas/programme-plans.ts';
import { personalExport } from '../personal-data/personal-export.ts';
import { targetBasis } from '../programme/effective-target.ts';
import { applyPlanEdit } from '../programme/plan-resolution.ts';
import { planProgress } from '../programme/plan-progress.ts';
import { stageRange } from '../programme/stage-range.ts';
import { programmeAudit } from '../http/programme-audit.ts';
import { stageParam, yearParam } from '../http/programme-params.ts';
import { loadDirectory, type Directory } from '../report-inputs/directory.ts';
import { notesInRange } from '../report-inputs/learning-figures.ts';
import { loadFiguresContext, onlineByCategory, personFigures } from '../report-inputs/person-figures.ts';
import { effectivePlan, unitItemIds } from '../report-inputs/person-year.ts';
import { checkReadingListResources, describeTargets, sameTargets } from '../http/plan-edit.ts';
import { proposeChange } from '../http/propose-change.ts';
import { assertYearsOpen } from '../http/year-lock.ts';
import { xapiHomePage, xapiStatementsFor } from '../report-inputs/xapi-statements.ts';
import { learningLogInputs } from '../report-inputs/learning-log-inputs.ts';
import { segmentReportInputs } from '../report-inputs/segment-report-inputs.ts';
import { personalExportInputs } from '../report-inputs/personal-export-inputs.ts';
import { newId } from '../store/ids.ts';

/** The person named in the path, if the caller may see them: 404 when unknown, 403 when hidden. */
async function visiblePerson(store: Store, c: Context<AppEnv>, what: string): Promise<UserRecord> {
  const id = c.req.param('id')!;
  const person = await store.findUserById(id);
  const parentOf = parentLookup(await store.listUnits());
  return personInReach(person, id, (p) => canViewPerson(c.get('user'), p, parentOf), `You may not see this person's ${what}`);
}

/** As visiblePerson, over a directory the route has loaded already. */
const visibleInDirectory = (directory: Directory, viewer: UserRecord, id: string, what: string) =>
  personInReach(directory.person(id), id, (p) => canViewPerson(viewer, p, directory.parentOf), `You may not see this person's ${what}`);

export function peopleRoutes(deps: AppDeps, throttle: LoginThrottle) {
  const { store, clock, config } = deps;
  return new Hono<AppEnv>()
    .get('/', signedIn(deps), async (c) => {
      const viewer = c.get('user');
      return c.json((await visiblePeople(store, viewer, await store.listUnits())).map(personView));
    })
    .post('/', signedIn(deps, 'admin'), async (c) => {
      const { password, reason, ...person } = await readJson(c, createPersonSchema);
      if (person.memberSince !== undefined && pastDateProblem(person.memberSince, dateInZone(clock(), config.timeZone)) !== null) {
        throw new ApiError(400, ERROR_CODES.implausibleDate, `memberSince: ${DATE_PROBLEM_MESSAGES.in_future}`, { problem: 'in_future', date: person.memberSince });
      }
      // Checked before hashing so a request doomed to fail costs no scrypt; the store checks again.
      if (await store.findUserByUsername(person.username)) {
        throw conflict(`The username "${person.username}" is already taken`);
      }
      const user = await store.createUser({ ...person, passwordHash: await hashPassword(password) }, auditContext(c, reason));
      return c.json(personView(user), 201);
    })
    .patch('/:id', signedIn(deps, 'admin'), async (c) => {
      const { reason, ...changes } = await readJson(c, updatePersonSchema);
      const updated = await store.updateUser(c.req.param('id'), changes, auditContext(c, reason));
      return c.json(personView(updated));
    })
    .post('/:id/password', signedIn(deps), async (c) => {
      const caller = c.get('user');
      const id = c.req.param('id');
      const self = caller.id === id;
      if (!self && caller.role !== 'admin') throw forbidden('Only admins may set another person’s password');
      const input = await readJson(c, setPasswordSchema);
      const person = await store.findUserById(id);
      if (!person) throw notFound(`There is no person with id "${id}"`);
      if (self) {
        // Changing one's own password needs the current one, so a borrowed session cannot lock the owner out.
        const attempt = { account: person.username.toLowerCase(), address: limitAddress(c) };
        if (input.currentPassword === undefined) throw validationFailed('currentPassword: required to change your own password');
        const currentPassword = input.currentPassword;
        if (!(await throttle.check(attempt, () => verifyPassword(currentPassword, person.passwordHash)))) {
          throw forbidden('currentPassword: the current password is wrong');
        }
      }
      const passwordHash = await hashPassword(input.password);
      // A person changing their own password stays signed in here; everywhere else is signed out.
      await store.updateUser(id, { passwordHash }, auditContext(c, input.reason), self ? c.get('token').tokenHash : undefined);
      return c.body(null, 204);
    })
    .get('/:id/devices', signedIn(deps), async (c) => {
      const person = await visiblePerson(store, c, 'devices');
      const tokens = (await store.tokensOf(person.id)).filter((t) => t.kind === 'device');
      return c.json(tokens.map(deviceView));
    })
    .delete('/:id/devices/:tokenId', signedIn(deps), async (c) => {
      const caller = c.get('user');
      const id = c.req.param('id');
      if (caller.id !== id && caller.role !== 'admin') throw forbidden('Only the person or an admin may sign a device out');
      const token = (await store.tokensOf(id)).find((t) => t.id === c.req.param('tokenId') && t.kind === 'device');
      if (!token) throw notFound(`This person has no device with id "${c.req.param('tokenId')}"`);
      await store.revokeToken(token.id, auditContext(c, undefined));
      return c.body(null, 204);
    })
    .get('/:id/log', signedIn(deps), async (c) => {
      const person = await visiblePerson(store, c, 'learning log');
      const range = reportRange(c.req.query(), { nowMs: clock(), timeZone: config.timeZone });
      return c.json(learningLog(await learningLogInputs(store, person.id, range, config.timeZone)));
    })
    .get('/:id/segments', signedIn(deps), async (c) => {
      const person = await visiblePerson(store, c, 'segments');
      const range = reportRange(c.req.query(), { nowMs: clock(), timeZone: config.timeZone });
      return c.json(segmentReports(await segmentReportInputs(store, person.id, range, config.timeZone)));
    })
    // Everything recorded about one person, as the file they download: the person, or an admin. Leaders
    // see their people's learning through reports; the whole file is the person's own.
    .get('/:id/export', signedIn(deps), async (c) => {
      const id = c.req.param('id');
      const viewer = c.get('user');
      if (viewer.id !== id && viewer.role !== 'admin') throw forbidden('Only the person themselves or an admin may download this');
      const person = await store.findUserById(id);
      if (!person) throw notFound(`There is no person with id "${id}"`);
      const body = personalExport(await personalExportInputs(store, person, clock()));
      // The organisation's day, as every date the person is shown.
      const date = dateInZone(Date.parse(body.exportedAt), config.timeZone);
      c.header('Content-Disposition', `attachment; filename="studytrail-${person.username}-${date}.json"`);
      return c.json(body);
    })
    // Erasure when someone leaves (admin): removes the account itself; nothing is kept about the person
    // but the audit log.
    .delete('/:id/data', signedIn(deps, 'admin'), async (c) => {
      const id = c.req.param('id');
      const actor = c.get('user');
      const { reason } = await readJson(c, eraseRequestSchema);
      // Guarantees an administrator always remains: only another one can erase an admin.
      if (actor.id === id) throw conflict('You cannot erase your own account: ask another administrator');
      const erased = await store.erasePerson(id, auditContext(c, reason));
      if (!erased) throw notFound(`There is no person with id "${id}"`);
      const body: EraseResult = { personId: id, removed: erased.counts, auditId: erased.audit.id };
      return c.json(body);
    })
    // Credited hours against the effective target over a range, from the same computation as every
    // other screen and export.
    .get('/:id/figures', signedIn(deps), async (c) => {
      const directory = await loadDirectory(store);
      const person = visibleInDirectory(directory, c.get('user'), c.req.param('id'), 'figures');
      const range = reportRange(c.req.query(), { nowMs: clock(), timeZone: config.timeZone });
      const f = await personFigures(await loadFiguresContext(store, directory, clock(), config.timeZone, range), person, range);
      const body: PersonFigures = {
        personId: person.id,
        ...range,
        onlineSeconds: f.credit.onlineSeconds,
        onlineCreditedHours: f.credit.onlineCreditedHours,
        sessionHours: f.credit.sessionHours,
        totalSeconds: f.credit.totalSeconds,
        totalHours: f.credit.totalHours,
        adjustments: f.credit.adjustments,
        creditRules: f.credit.creditRules,
        targetHours: f.target.targetSeconds / 3600,
        targetBasis: targetBasis(f.target),
        gapHours: f.gapSeconds / 3600,
        behind: f.gapSeconds > 0,
      };
      return c.json(body);
    })
    .get('/:id/xapi', signedIn(deps), async (c) => {
      const person = await visiblePerson(store, c, 'learning records');
      const range = reportRange(c.req.query(), { nowMs: clock(), timeZone: config.timeZone });
      const homePage = xapiHomePage(config.publicUrl, c.get('client').origin);
      return c.json(await xapiStatementsFor(store, [person], range, { homePage, timeZone: config.timeZone }));
    })
    // A person's plan for a year or quarter: the person, their leaders and admins read and save it.
    // A person's change to their own hour targets is a proposal a leader over them approves (their
    // reading list applies at once); a closed year's plans are read-only.
    .get('/:id/plans/:year/:stage', signedIn(deps), async (c) => {
      const directory = await loadDirectory(store);
      const person = visibleInDirectory(directory, c.get('user'), c.req.param('id'), 'plan');
      const { annualTargetHours } = await store.getSettings();
      return c.json(await effectivePlan(store.programme, directory, person, yearParam(c.req.param('year')), stageParam(c.req.param('stage')), annualTargetHours));
    })
    .put('/:id/plans/:year/:stage', signedIn(deps), async (c) => {
      const directory = await loadDirectory(store);
      const person = visibleInDirectory(directory, c.get('user'), c.req.param('id'), 'plan');
      const year = yearParam(c.req.param('year'));
      const stage = stageParam(c.req.param('stage'));
      await assertYearsOpen(store.programme, year);
      const edit = await readJson(c, savePlanSchema);
      await checkReadingListResources(store, edit);
      const viewer = c.get('user');
      const previous = await store.programme.personalPlan(person.id, year, stage);
      const { annualTargetHours } = await store.getSettings();
      const current = await effectivePlan(store.programme, directory, person, year, stage, annualTargetHours);
      // One's own targets move one's own grade: an admin's apply, anyone else's wait for a leader over them.
      const proposed = viewer.id === person.id && viewer.role !== 'admin' && !sameTargets(edit.targets, current.targets);
      const plan = applyPlanEdit({
        personId: person.id,
        year,
        stage,
        edit,
        unitItemIds: await unitItemIds(store.programme, directory, person, year, stage),
        previous,
        newId,
        now: new Date(clock()).toISOString(),
      });
      const saved = proposed ? { ...plan, targets: previous?.targets ?? null } : plan;
      await store.programme.savePersonalPlan(
        saved,
        programmeAudit(c, 'plan.update', `person:${person.id}`, `${person.name}: plan ${year} ${stage}, ${describeTargets(previous?.targets ?? null)} → ${describeTargets(saved.targets)}; ${saved.ownItems.length} own item(s)`),
      );
      if (proposed) await proposeChange(c, store.programme, { kind: 'plan-targets', year, stage, from: current.targets, to: edit.targets }, clock());
      return c.json(await effectivePlan(store.programme, directory, person, year, stage, annualTargetHours), proposed ? 202 : 200);
    })
    .get('/:id/plans/:year/:stage/progress', signedIn(deps), async (c) => {
      const directory = await loadDirectory(store);
      const person = visibleInDirectory(directory, c.get('user'), c.req.param('id'), 'plan');
      const year = yearParam(c.req.param('year'));
      const stage = stageParam(c.req.param('stage'));
      const range = stageRange(year, stage);
      const ctx = await loadFiguresContext(store, directory, clock(), config.timeZone, range);
      const plan = await effectivePlan(store.programme, directory, person, year, stage, ctx.organisationAnnualHours);
      const figures = await personFigures(ctx, person, range, stage);
      return c.json(
        planProgress({
          plan,
          range,
          onlineSecondsByCategory: onlineByCategory(ctx, figures),
          sessions: figures.sessions.attended,
          notes: await notesInRange(store, config.timeZone, person.id, range.from, range.to),
          credit: figures.credit,
          target: figures.target,
        }),
      );
    });
}

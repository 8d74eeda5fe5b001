// People: accounts with a role and a unit (admins manage them), their devices, passwords, learning
// logs and segments. Every route checks who may see or change whom.
import { Hono, type Context } from 'hono';
import { createPersonSchema, setPasswordSchema, updatePersonSchema } from '../../shared/schemas/organisation.ts';
import type { SegmentReport } from '../../shared/schemas/reports.ts';
import { dayNumber } from '../../shared/time/day-numbers.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { canViewPerson } from '../access/can-view-person.ts';
import { visiblePeople } from '../access/visible-people.ts';
import { parentLookup } from '../access/visibility.ts';
import { dateRangeMs } from '../aggregation/date-range.ts';
import { learningLog } from '../aggregation/learning-log.ts';
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

/** The person named in the path, if the caller may see them: 404 when unknown, 403 when hidden. */
async function visiblePerson(store: Store, c: Context<AppEnv>, what: string): Promise<UserRecord> {
  const id = c.req.param('id')!;
  const person = await store.findUserById(id);
  if (!person) throw notFound(`There is no person with id "${id}"`);
  if (!canViewPerson(c.get('user'), person, parentLookup(await store.listUnits()))) {
    throw forbidden(`You may not see this person's ${what}`);
  }
  return person;
}

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
      const { fromMs, toMs } = dateRangeMs(range.from, range.to, config.timeZone);
      const categories = new Map((await store.listResources()).map((r) => [r.id, r.category]));
      const notes = await store.countNotesByPerson({ personIds: [person.id], fromMs, toMs });
      return c.json(
        learningLog({
          personId: person.id,
          ...range,
          days: await store.dayTotals(person.id, dayNumber(range.from), dayNumber(range.to)),
          categoryOf: (id) => categories.get(id),
          notesCount: notes.get(person.id) ?? 0,
        }),
      );
    })
    .get('/:id/segments', signedIn(deps), async (c) => {
      const person = await visiblePerson(store, c, 'segments');
      const range = reportRange(c.req.query(), { nowMs: clock(), timeZone: config.timeZone });
      const { fromMs, toMs } = dateRangeMs(range.from, range.to, config.timeZone);
      const credits = await store.segmentCredits(person.id, dayNumber(range.from), dayNumber(range.to));
      const segments = await store.segmentsForPerson(person.id, fromMs, toMs);
      const body: SegmentReport[] = segments.map((s) => {
        const credit = credits.get(s.id) ?? { rawSeconds: 0, creditedSeconds: 0, overlapSeconds: 0, dailyCapSeconds: 0 };
        return {
          id: s.id,
          resourceId: s.resourceId,
          url: s.url,
          title: s.title,
          startedAt: new Date(s.startMs).toISOString(),
          endedAt: new Date(s.endMs).toISOString(),
          mode: s.mode,
          deviceId: s.deviceId,
          rawSeconds: credit.rawSeconds,
          creditedSeconds: credit.creditedSeconds,
          discounts: { overlap: credit.overlapSeconds, daily_cap: credit.dailyCapSeconds, outside_allowlist: 0, invalid: 0 },
        };
      });
      return c.json(body);
    });
}

// The server side of one browser run: a fixture site, the server bundle on a data folder of its own, and
// an organisation whose designated resource is the site's /learn/ pages. Each piece's teardown is pushed
// onto the caller's `cleanup`, so a run that fails half-way still leaves nothing behind.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureSite } from '../../support/fixture-site.ts';
import { startServerProcess } from '../../support/server-process.ts';
import { seedOrganisation, signIn } from './api-admin.ts';

/** The organisation's time zone in these runs. */
export const STUDY_TZ = 'Asia/Shanghai';
const ADMIN_PASSWORD = 'admin-password-for-tests';

export async function startStudyWorld(name: string, cleanup: (() => Promise<unknown>)[]) {
  const dataDir = await mkdtemp(join(tmpdir(), `studytrail-${name}-`));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  const site = await startFixtureSite();
  cleanup.push(() => site.close());
  const server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD, STUDYTRAIL_TZ: STUDY_TZ } });
  cleanup.push(() => server.stop());
  const admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
  const org = await seedOrganisation(admin, { patterns: ['http://127.0.0.1/learn/*'] });
  return { site, server, org };
}

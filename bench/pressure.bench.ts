// Issue 18's request-side figures over real HTTP: how many of 100 simultaneous guesses get their
// password checked (per account, per address, at the own-password change; goal ≤ the limit), and the
// p99 of sync acknowledgements while 400 sign-ins arrive at once (goal ≤ 100 ms), with password checks
// capped as shipped and, for comparison, uncapped; and whether the hostile-request fuzz found a 5xx
// (its three tests under test/fault/ fail on any one, so passing means 0).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../server/auth/password.ts';
import { DEFAULT_LIMITS, type Limits } from '../server/limits/limits.ts';
import { freshSegments } from '../test/support/sync-load.ts';
import { startApiServer, TEST_ADMIN, type ApiServer } from '../test/support/api-server.ts';

const BURST = 100;
const FLOOD = 400;

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

const login = (server: ApiServer, username: string, password: string, address: string) =>
  fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username, password }),
  }).then(async (res) => (await res.text(), res.status));

/** Statuses of a burst: 401/403 were checked, 429 were not. */
async function burst(make: (i: number) => Promise<number>): Promise<{ checked: number; refused: number }> {
  const statuses = await Promise.all(Array.from({ length: BURST }, (_, i) => make(i)));
  return { checked: statuses.filter((s) => s === 401 || s === 403).length, refused: statuses.filter((s) => s === 429).length };
}

async function guessFigures(): Promise<void> {
  const account = await startApiServer({ trustProxy: true });
  const perAccount = await burst((i) => login(account, 'admin', `wrong-${i}`, `10.0.0.${i}`));
  const rightAfter = await login(account, 'admin', TEST_ADMIN.password, '10.0.1.1');
  await account.close();

  const address = await startApiServer({ trustProxy: true });
  const perAddress = await burst((i) => login(address, `nobody${i}`, 'wrong-password', '10.0.2.1'));
  await address.close();

  const change = await startApiServer();
  const token = await change.signIn(TEST_ADMIN.username, TEST_ADMIN.password);
  const me = (await (await fetch(`${change.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string };
  const perChange = await burst((i) =>
    fetch(`${change.url}/api/people/${me.id}/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ currentPassword: `wrong-${i}`, password: 'a-new-password-5678' }),
    }).then(async (res) => (await res.text(), res.status)),
  );
  await change.close();

  console.log(`guesses checked in a burst of ${BURST} (goal ≤ the limit):`);
  console.log(`  one account, many addresses   ${perAccount.checked} checked, ${perAccount.refused} refused (limit ${DEFAULT_LIMITS.loginFailuresPerAccount}); right password after: ${rightAfter}`);
  console.log(`  one address, many accounts    ${perAddress.checked} checked, ${perAddress.refused} refused (limit ${DEFAULT_LIMITS.loginFailuresPerAddress})`);
  console.log(`  own-password change           ${perChange.checked} checked, ${perChange.refused} refused (limit ${DEFAULT_LIMITS.loginFailuresPerAccount})`);
}

/** Sync acknowledgements, one after another, while FLOOD sign-ins with right passwords arrive at once. */
async function syncDuringFlood(limits: Partial<Limits>, signIns: number): Promise<{ p50: number; p99: number; max: number; syncs: number; signedIn: number; busy: number }> {
  const server = await startApiServer({ trustProxy: true, limits: { ...limits, syncBurst: 100_000 } });
  try {
    const admin = await server.signIn(TEST_ADMIN.username, TEST_ADMIN.password);
    const resource = (await server.api.post('/api/resources', { name: 'Flood', category: 'other', kind: 'reading', patterns: ['https://learn.example.org/*'] }, admin)).body as { id: string };
    const unit = (await server.api.post('/api/units', { name: 'Flood' }, admin)).body as { id: string };
    const passwordHash = await hashPassword('flood-password');
    for (let i = 0; i < FLOOD; i++) await server.store.createUser({ username: `f${i}`, name: `f${i}`, role: 'staff', unitId: unit.id, passwordHash });

    const latencies: number[] = [];
    let flooding = true;
    const syncs = (async () => {
      while (flooding) {
        const start = performance.now();
        const res = await server.api.post('/api/sync', { deviceId: 'bench', segments: freshSegments(resource.id, 5, server.nowMs) }, admin);
        if (res.status !== 200) throw new Error(`sync answered ${res.status}`);
        latencies.push(performance.now() - start);
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    // Without sign-ins, syncs for as long as a flood takes here, for the machine's own figure.
    if (signIns === 0) await new Promise((r) => setTimeout(r, 5000));
    const statuses = await Promise.all(Array.from({ length: signIns }, (_, i) => login(server, `f${i}`, 'flood-password', `10.1.${i >> 8}.${i & 255}`)));
    flooding = false;
    await syncs;
    return {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: Math.max(...latencies),
      syncs: latencies.length,
      signedIn: statuses.filter((s) => s === 200).length,
      busy: statuses.filter((s) => s === 429).length,
    };
  } finally {
    await server.close();
  }
}

const FUZZ_TESTS = ['test/fault/hostile-requests.test.ts', 'test/fault/every-route.test.ts', 'test/fault/extreme-dates.test.ts'];

/** Runs the fuzz tests; each fails on the first 5xx it meets. */
function fuzzFigure(): string {
  const report = join(tmpdir(), `studytrail-fuzz-${process.pid}.json`);
  spawnSync('npx', ['vitest', 'run', ...FUZZ_TESTS, '--reporter=json', `--outputFile=${report}`], { stdio: 'ignore' });
  try {
    const result = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    return result.numFailedTests === 0
      ? `0 (${result.numPassedTests} tests of ${FUZZ_TESTS.length} files pass)`
      : `at least one: ${result.numFailedTests} failing test(s), run npx vitest run ${FUZZ_TESTS.join(' ')}`;
  } finally {
    rmSync(report, { force: true });
  }
}

export default async function pressureBench(): Promise<void> {
  await guessFigures();
  console.log(`sync acknowledgement during ${FLOOD} simultaneous sign-ins (goal p99 ≤ 100 ms):`);
  for (const [label, limits, signIns] of [
    ['no sign-ins (this machine, for reference)', {}, 0],
    [`checks capped (${DEFAULT_LIMITS.passwordChecksAtOnce} at once, ${DEFAULT_LIMITS.passwordChecksWaiting} waiting)`, {}, FLOOD],
    ['uncapped (as before)', { passwordChecksAtOnce: FLOOD, passwordChecksWaiting: FLOOD }, FLOOD],
  ] as const) {
    const r = await syncDuringFlood(limits, signIns);
    console.log(
      `  ${label.padEnd(42)} p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, max ${r.max.toFixed(0)} ms over ${r.syncs} syncs; ${r.signedIn} signed in, ${r.busy} told to retry`,
    );
  }
  console.log(`5xx in the extended hostile-request fuzz (goal 0): ${fuzzFigure()}`);
}

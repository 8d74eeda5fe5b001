// The dashboard in Chromium against the real server process: a leader sees their unit only, drills
// into a person, reviews a note and exports Excel; staff see only themselves; an admin adds a unit, a person and a resource
// that the extension then follows. Screenshots of the main views go to test/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startFixtureSite, type FixtureSite } from '../support/fixture-site.ts';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser.ts';
import { signIn, type ApiClient } from './support/api-admin.ts';
import { signInOnOptionsPage } from './support/options-page.ts';
import { ARTIFACTS_DIR, openDashboard, pageProblems, requireEndpoints, screenshot } from './support/dashboard-page.ts';
import { dateInZone } from '../../shared/time/zoned-days.ts';
import { learningLogSchema } from '../../shared/schemas/log.ts';
import { personalExportSchema } from '../../shared/schemas/personal-data.ts';
import { xapiStatementsSchema } from '../../shared/schemas/xapi.ts';
import { readFile } from 'node:fs/promises';

const TZ = 'Asia/Shanghai';
const ADMIN_PASSWORD = 'admin-password-for-tests';
const PASSWORD = 'study-hard-2026';

interface Seeded {
  office: { id: string };
  research: { id: string; name: string };
  culture: { id: string; name: string };
  leader: { id: string; username: string; name: string };
  zhang: { id: string; username: string; name: string };
  li: { id: string; username: string; name: string };
  noteId: string;
  from: string;
  to: string;
}

describe('dashboard in Chromium', () => {
  let dataDir: string;
  let server: ServerProcess;
  let site: FixtureSite;
  let browser: ExtensionBrowser;
  let admin: ApiClient;
  let seeded: Seeded;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'studytrail-e2e-dash-'));
    site = await startFixtureSite();
    server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD, STUDYTRAIL_TZ: TZ } });
    admin = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    seeded = await seed(admin, server.url);
    browser = await launchExtensionBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('a leader sees only their unit, drills into a person, reviews a note and exports Excel with the right rows', async () => {
    const token = (await signIn(server.url, seeded.leader.username, PASSWORD)).token;
    await requireEndpoints(server.url, token, [
      { label: 'GET /api/units/{id}/summary', path: `/api/units/${seeded.research.id}/summary?period=month` },
      { label: 'GET /api/notes', path: `/api/notes?personId=${seeded.zhang.id}` },
      { label: 'GET /api/people/{id}/log (detailed)', path: `/api/people/${seeded.zhang.id}/log?from=${seeded.from}&to=${seeded.to}`, needs: 'rawSeconds' },
      { label: 'GET /api/people (active, createdAt)', path: '/api/people', needs: 'active' },
    ]);
    const page = await openDashboard(browser.context, server.url, { username: seeded.leader.username, password: PASSWORD });
    const range = `from=${seeded.from}&to=${seeded.to}`;
    await page.goto(`${server.url}/overview?${range}`);
    await page.waitForSelector('#people table');

    // Their unit only: the tree and the people table hold research and 张伟, never culture or 李娜.
    const tree = await page.locator('.unit-tree').innerText();
    expect(tree).toContain(seeded.research.name);
    expect(tree).not.toContain(seeded.culture.name);
    const people = await page.locator('#people').innerText();
    expect(people).toContain(seeded.zhang.name);
    expect(people).not.toContain(seeded.li.name);
    await screenshot(page, 'leader-overview');

    // Excel: the unit summary with exactly one row per person of the unit (its leader is one of them),
    // in name order as the server sends them, never ranked by hours.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    const file = join(ARTIFACTS_DIR, 'leader-unit-summary.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    const rows = (sheet.getSheetValues().filter(Boolean) as unknown[][]).slice(1);
    expect(rows.map((r) => r[1])).toEqual([seeded.leader.name, seeded.zhang.name]);
    const zhangRow = rows[1]!;
    expect(zhangRow[2]).toBe(seeded.zhang.username);
    expect(typeof zhangRow[5]).toBe('number');
    expect(zhangRow[5] as number).toBeGreaterThan(0);
    expect(rows[0]![5]).toBe(0);

    // Drill down: the person's name leads to their records for the same range.
    await page.locator('#people').getByRole('link', { name: seeded.zhang.name }).first().click();
    await page.waitForSelector('[data-testid=person-credited]');
    expect(await page.textContent('[data-testid=person-identity]')).toContain(seeded.zhang.username);
    expect(await page.textContent('[data-testid=person-credited]')).not.toBe('0.0');
    expect(await page.textContent('[data-testid=person-credit-rules]')).toBe('认定依据：学时规则第 1 版（最初），每天按当天有效的规则认定');
    await screenshot(page, 'leader-person');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.signature').isVisible()).toBe(true);
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    await screenshot(page, 'leader-person-print');
    await page.emulateMedia({ media: 'screen' });

    // Review the note; the author then sees the review through the API.
    await page.getByRole('link', { name: '笔记审阅' }).click();
    const card = page.locator(`[data-note-id="${seeded.noteId}"]`);
    await card.waitFor();
    // The note's title is shown as text, never parsed as HTML.
    expect(await card.locator('.note-title').innerText()).toBe('<img src=x onerror=alert(1)> 学习心得');
    await card.getByLabel('审阅意见').fill('认真，继续保持。');
    await card.getByRole('button', { name: '标记为已阅' }).click();
    // Reviewed, it leaves the list of unreviewed notes, which says so.
    await expect.poll(() => page.getByTestId('notes-moved').innerText().catch(() => '')).toBe('1 条笔记已标记为已阅，已移出未阅列表。');
    expect(await card.count()).toBe(0);
    await screenshot(page, 'leader-notes-review');
    const zhang = await signIn(server.url, seeded.zhang.username, PASSWORD);
    const notes = await zhang.get<{ note: { id: string }; review: { comment: string } | null }[]>(`/api/notes?personId=${seeded.zhang.id}`);
    expect(notes.find((n) => n.note.id === seeded.noteId)?.review?.comment).toBe('认真，继续保持。');
    expect(pageProblems(page)).toEqual([]);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    await page.close();
  });

  it('a staff member sees only themselves, in English when they choose it', async () => {
    const token = (await signIn(server.url, seeded.zhang.username, PASSWORD)).token;
    await requireEndpoints(server.url, token, [
      { label: 'GET /api/people/{id}/log (detailed)', path: `/api/people/${seeded.zhang.id}/log?from=${seeded.from}&to=${seeded.to}`, needs: 'rawSeconds' },
      { label: 'GET /api/notes', path: `/api/notes?personId=${seeded.zhang.id}` },
      { label: 'GET /api/people/{id}/devices', path: `/api/people/${seeded.zhang.id}/devices` },
      { label: 'GET /api/people (active, createdAt)', path: '/api/people', needs: 'active' },
    ]);
    const page = await openDashboard(browser.context, server.url, { username: seeded.zhang.username, password: PASSWORD });
    await page.getByLabel('语言').selectOption('en');
    await page.waitForSelector('[data-testid=person-credited]');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.textContent('h1')).toBe('My learning');
    expect(await page.textContent('[data-testid=person-identity]')).toContain(seeded.zhang.name);
    const nav = await page.getByRole('navigation', { name: 'Main navigation' }).innerText();
    expect(nav).not.toContain('Overview');
    expect(nav).not.toContain('Administration');
    await screenshot(page, 'staff-my-learning');

    // Their own data as files: everything kept about them, and the month as xAPI statements.
    const saved = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      return JSON.parse(await readFile((await download.path())!, 'utf8')) as unknown;
    };
    expect(personalExportSchema.parse(await saved('Download my data')).person.id).toBe(seeded.zhang.id);
    expect(xapiStatementsSchema.parse(await saved('Export xAPI statements')).length).toBeGreaterThanOrEqual(1);

    await page.goto(`${server.url}/people/${seeded.li.id}`);
    await page.getByText('No such person, or you may not see them.').waitFor();
    await page.goto(`${server.url}/units/${seeded.research.id}`);
    await page.getByText('You are not allowed to see this.').waitFor();
    expect(pageProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.close();
  });

  it('an admin adds a unit and then a person in it, and each form empties for the next', async () => {
    const page = await openDashboard(browser.context, server.url, { username: 'admin', password: ADMIN_PASSWORD });
    await page.getByRole('link', { name: '系统管理' }).click();
    await page.getByRole('link', { name: '单位', exact: true }).click();
    const unitForm = page.locator('form', { has: page.getByRole('heading', { name: '新增单位' }) });
    await unitForm.getByLabel('名称').fill('调研室');
    await unitForm.getByLabel('上级单位').selectOption(seeded.office.id);
    await unitForm.getByRole('button', { name: '添加单位' }).click();
    await expect.poll(() => unitForm.getByLabel('名称').inputValue()).toBe('');
    const units = await admin.get<{ id: string; name: string; parentId: string | null }[]>('/api/units');
    const added = units.find((u) => u.name === '调研室')!;
    expect(added.parentId).toBe(seeded.office.id);

    await page.getByRole('link', { name: '人员', exact: true }).click();
    const personForm = page.locator('form', { has: page.getByRole('heading', { name: '新增人员' }) });
    await personForm.getByLabel('用户名').fill('zhao');
    await personForm.getByLabel('姓名').fill('赵六');
    await personForm.getByLabel('密码').fill(PASSWORD);
    await personForm.getByLabel('角色').selectOption('staff');
    await personForm.getByLabel('单位').selectOption(added.id);
    await personForm.getByRole('button', { name: '添加人员' }).click();
    await expect.poll(() => personForm.getByLabel('姓名').inputValue()).toBe('');
    const people = await admin.get<{ username: string; name: string; role: string; unitId: string }[]>('/api/people');
    expect(people.find((p) => p.name === '赵六')).toMatchObject({ username: 'zhao', role: 'staff', unitId: added.id });
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });

  it('an admin adds a resource in the dashboard and the extension then counts time on it', async () => {
    const page = await openDashboard(browser.context, server.url, { username: 'admin', password: ADMIN_PASSWORD });
    await page.getByRole('link', { name: '系统管理' }).click();
    await page.getByRole('link', { name: '指定学习资源' }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: '新增指定学习资源' }) });
    await form.getByLabel('名称').fill('本地新闻学习');
    await form.getByLabel('类别').selectOption('professional');
    await form.getByLabel('网址匹配规则').fill('http://localhost/other/*');
    await form.getByRole('button', { name: '添加资源' }).click();
    const table = page.getByTestId('resources-table');
    await table.getByText('本地新闻学习').waitFor();
    await screenshot(page, 'admin-resources');
    expect(pageProblems(page)).toEqual([]);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.close();

    const resources = await admin.get<{ id: string; name: string }[]>('/api/resources');
    const added = resources.find((r) => r.name === '本地新闻学习')!;
    expect(added).toBeDefined();

    // The extension signs in after the change and follows the new policy: time on the page counts.
    const options = await browser.openExtensionPage('options.html');
    await signInOnOptionsPage(options, { server: server.url, username: seeded.li.username, password: PASSWORD, name: seeded.li.name });
    const tab = await browser.context.newPage();
    await tab.bringToFront();
    await tab.goto(`${site.otherOrigin}/other/page`);
    await tab.waitForTimeout(6_000);
    await tab.goto(`${site.origin}/nothing-designated`);

    const li = await signIn(server.url, seeded.li.username, PASSWORD);
    const today = dateInZone(Date.now(), TZ);
    let seconds = 0;
    for (let attempt = 0; attempt < 40 && seconds === 0; attempt++) {
      const log = learningLogSchema.parse(await li.get(`/api/people/${seeded.li.id}/log?from=${today}&to=${today}`));
      seconds = log.byResource.find((r) => r.resourceId === added.id)?.seconds ?? 0;
      if (seconds === 0) await new Promise((r) => setTimeout(r, 500));
    }
    expect(seconds).toBeGreaterThanOrEqual(3);
  });
});

/**
 * Office ─┬─ Research (leader 王主任, staff 张伟 with an hour of study and one note)
 *         └─ Culture  (staff 李娜)
 */
async function seed(admin: ApiClient, baseUrl: string): Promise<Seeded> {
  const office = await admin.post<{ id: string }>('/api/units', { name: '办公室' });
  const research = await admin.post<{ id: string; name: string }>('/api/units', { name: '研究室', parentId: office.id });
  const culture = await admin.post<{ id: string; name: string }>('/api/units', { name: '文化室', parentId: office.id });
  const person = async (username: string, name: string, role: string, unitId: string) =>
    ({ ...(await admin.post<{ id: string }>('/api/people', { username, name, password: PASSWORD, role, unitId })), username, name });
  const leader = await person('wang.zhuren', '王主任', 'leader', research.id);
  const zhang = await person('zhang.wei', '张伟', 'staff', research.id);
  const li = await person('li.na', '李娜', 'staff', culture.id);
  const theory = await admin.post<{ id: string }>('/api/resources', {
    name: '网上政协学习专栏',
    category: 'cppcc-theory',
    kind: 'reading',
    patterns: ['http://127.0.0.1/learn/*'],
  });

  // An hour of study ending ten minutes ago, and a clipped note, sent as the extension sends them.
  const end = Date.now() - 10 * 60_000;
  const start = end - 3600_000;
  const now = new Date().toISOString();
  const noteId = randomUUID();
  const zhangClient = await signIn(baseUrl, zhang.username, PASSWORD);
  await zhangClient.post('/api/sync', {
    deviceId: 'e2e-device',
    segments: [
      {
        id: randomUUID(),
        resourceId: theory.id,
        url: 'http://127.0.0.1:9/learn/article',
        title: '学习文章：新时代人民政协理论',
        startedAt: new Date(start).toISOString(),
        endedAt: new Date(end).toISOString(),
        mode: 'reading',
      },
    ],
    notes: [
      {
        id: noteId,
        url: 'http://127.0.0.1:9/learn/article',
        canonicalUrl: null,
        title: '<img src=x onerror=alert(1)> 学习心得',
        resourceId: theory.id,
        selectors: [{ type: 'TextQuoteSelector', exact: '加强学习型机关建设', prefix: '', suffix: '' }],
        quote: '加强学习型机关建设',
        comment: '=1+1 这是履职能力的基础。',
        tags: ['理论'],
        colour: 'yellow',
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      },
    ],
    cursor: null,
  });
  return {
    office,
    research,
    culture,
    leader,
    zhang,
    li,
    noteId,
    from: dateInZone(start, TZ),
    to: dateInZone(Date.now(), TZ),
  };
}

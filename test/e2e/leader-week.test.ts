// A committee leader's week in Chromium, through the dashboard only: schedule this week's collective
// study, mark everyone present, adjust one to leave and check in with the code shown; cancel a session
// entered by mistake; review the unit's notes page 1 first, then page 2, none skipped; approve a staff member's proposed plan
// target; confirm the suggested grade on the annual record, see the decision flagged (建议等级已变化)
// after a later change and reconfirm. The API seeds only the organisation (as an admin would) and the
// staff members' own actions: their notes and their plan proposal. Screenshots in
// test/artifacts/leader-week-*.png.
//
// Dates are a function of the server's clock, never of the calendar: the server runs in this process
// with an injected clock (LEADER_WEEK_NOW, an ISO instant, to run the week on another day, e.g.
// LEADER_WEEK_NOW=2027-01-01T04:00:00Z), the browser's clock is set to the same instant, and the
// organisation's zone is the one where that instant is midday, so "today" is one day in every zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startApiServer, TEST_ADMIN, type ApiServer } from '../support/api-server.ts';
import { CHROMIUM } from './support/extension-browser.ts';
import { openDashboard, pageProblems, screenshot } from './support/dashboard-page.ts';
import { caller, middayZone, PASSWORD, type Caller } from './support/programme-year.ts';
import { dateInZone, instantInZone } from '../../shared/time/zoned-days.ts';

const NOW_MS = process.env.LEADER_WEEK_NOW ? Date.parse(process.env.LEADER_WEEK_NOW) : Date.now();
if (Number.isNaN(NOW_MS)) throw new Error(`LEADER_WEEK_NOW is not an ISO instant: ${process.env.LEADER_WEEK_NOW}`);
const TIME_ZONE = middayZone(NOW_MS);
const TODAY = dateInZone(NOW_MS, TIME_ZONE);
const YEAR = Number(TODAY.slice(0, 4));
const TOPIC = '集体学习：学习贯彻全会精神';
const hhmm = (ms: number) => instantInZone(ms, TIME_ZONE).slice(11, 16);
// The study began five minutes ago and lasts an hour, so the leader can still check in; the duplicate
// entered by mistake is in the afternoon (it is about midday in the organisation's zone).
const START = hhmm(NOW_MS - 5 * 60_000);
const END = hhmm(NOW_MS + 60 * 60_000);

type Person = { id: string; username: string; name: string };

/** A reading note written `hoursAgo` before the server's now (notes reach back into last year on 1 January). */
function note(title: string, i: number, hoursAgo: number) {
  const createdAt = new Date(NOW_MS - hoursAgo * 3_600_000).toISOString();
  return { id: randomUUID(), url: null, canonicalUrl: null, title, resourceId: null, selectors: [], quote: '', comment: `第${i}篇：联系本职工作谈学习体会。`, tags: [], colour: 'yellow', createdAt, updatedAt: createdAt, deletedAt: null };
}

describe('a leader’s week in the dashboard', () => {
  let server: ApiServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let leader: Person;
  let zhang: Person;
  let li: Person;
  let liu: Person;
  let zhangApi: Caller;

  beforeAll(async () => {
    server = await startApiServer({ nowMs: NOW_MS, timeZone: TIME_ZONE });
    const admin = await caller(server.url, TEST_ADMIN.username, TEST_ADMIN.password);
    const office = await admin.call<{ id: string }>('POST', '/api/units', { name: '市政协机关' });
    const research = await admin.call<{ id: string }>('POST', '/api/units', { name: '研究室', parentId: office.id });
    const person = async (username: string, name: string, role: 'leader' | 'staff'): Promise<Person> => ({
      ...(await admin.call<{ id: string }>('POST', '/api/people', { username, name, password: PASSWORD, role, unitId: research.id, memberSince: `${YEAR}-01-01` })),
      username,
      name,
    });
    leader = await person('wang.zhuren', '王主任', 'leader');
    zhang = await person('zhang.wei', '张伟', 'staff');
    li = await person('li.na', '李娜', 'staff');
    liu = await person('liu.yang', '刘洋', 'staff');
    // The unit's plan for the year, as set when the year began.
    await admin.call('PUT', `/api/units/${research.id}/plan-defaults/${YEAR}/year`, { targets: { totalHours: 50, byCategory: {} }, readingList: [] });

    // The staff's own doings: 24 notes in the last days (two review pages of 20), and 张伟 asks for a lower
    // target, which waits for the leader (202).
    zhangApi = await caller(server.url, zhang.username, PASSWORD);
    const liApi = await caller(server.url, li.username, PASSWORD);
    await zhangApi.call('POST', '/api/sync', { deviceId: 'office-pc', segments: [], notes: Array.from({ length: 14 }, (_, i) => note('乡土中国', i + 1, 2 * i + 1)) });
    await liApi.call('POST', '/api/sync', { deviceId: 'office-pc', segments: [], notes: Array.from({ length: 10 }, (_, i) => note('中国共产党政治协商工作条例', i + 1, 2 * i + 2)) });
    await zhangApi.call('PUT', `/api/people/${zhang.id}/plans/${YEAR}/year`, { targets: { totalHours: 40, byCategory: {} }, readingList: [] });

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
      // The date and time inputs take their format from the process's language, not the page's locale.
      env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN:zh' },
    });
    // An office's browser, in the organisation's zone and language.
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: TIME_ZONE, locale: 'zh-CN' });
    // The dashboard's "today" (calendar month, year pickers) comes from the browser's clock.
    await context.clock.setFixedTime(NOW_MS);
    page = await openDashboard(context, server.url, { username: leader.username, password: PASSWORD });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  /** The calendar's new-session form, filled as the leader types it; units stay as preselected (their own). */
  async function createSession(topic: string, start: string, end: string): Promise<string> {
    await page.getByRole('link', { name: '学习日历' }).click();
    const form = page.locator('form[aria-labelledby=new-session-title]');
    await form.waitFor();
    await form.getByLabel('活动类型').selectOption({ label: '集体学习' });
    await form.getByLabel('主题').fill(topic);
    await form.getByLabel('日期', { exact: true }).fill(TODAY);
    await form.getByLabel('开始时间').fill(start);
    await form.getByLabel('结束时间').fill(end);
    await form.getByLabel('地点').fill('机关三楼会议室');
    await form.getByRole('button', { name: '创建活动' }).click();
    await page.waitForURL(/\/sessions\/[A-Za-z0-9_-]+$/);
    await expect.poll(() => page.locator('#session-title').innerText()).toBe(topic);
    return new URL(page.url()).pathname;
  }

  it('schedules the study, marks everyone present, records one leave and checks in with the code shown', async () => {
    const sessionPath = await createSession(TOPIC, START, END);
    const status = (p: Person) => page.locator(`table.roster tr[data-person-id="${p.id}"] .attendance-status`);
    expect(await status(zhang).innerText()).toBe('未记录');
    await page.getByRole('button', { name: '全部记为出席（再逐个调整）' }).click();
    for (const p of [zhang, li, liu]) await expect.poll(() => status(p).innerText()).toBe('出勤');
    // The leader marks nobody for themselves: they check in like everyone else.
    expect(await status(leader).innerText()).toBe('未记录');
    expect(await page.locator(`table.roster tr[data-person-id="${leader.id}"] select[name=status]`).count()).toBe(0);
    const liRow = page.locator(`table.roster tr[data-person-id="${li.id}"]`);
    await liRow.locator('select[name=status]').selectOption({ label: '请假' });
    await liRow.getByLabel('请假事由').fill('赴省政协参加培训');
    await liRow.getByRole('button', { name: '记录' }).click();
    await expect.poll(() => status(li).innerText()).toBe('请假 · 赴省政协参加培训');
    // Changing the entry starts from it: 请假 with its reason, not an empty box to type again.
    await expect.poll(() => liRow.getByLabel('请假事由').inputValue()).toBe('赴省政协参加培训');

    // The leader checks in like everyone else, typing the code the session page shows.
    const code = (await page.getByTestId('session-code').innerText()).replace(/\s/g, '');
    await page.getByRole('link', { name: '签到', exact: true }).click();
    await page.getByLabel('签到码').fill(code);
    await page.getByRole('button', { name: '签到', exact: true }).click();
    await expect.poll(() => page.getByTestId('check-in-result').innerText().catch(() => '')).toBe(`已签到：${TOPIC}（出勤）`);
    await page.getByRole('link', { name: '学习日历' }).click();
    await page.locator('section[aria-labelledby=sessions-title]').getByRole('link', { name: TOPIC }).click();
    expect(new URL(page.url()).pathname).toBe(sessionPath);
    await expect.poll(() => status(leader).innerText()).toBe('出勤');
    await screenshot(page, 'leader-week-roster');
    expect(pageProblems(page)).toEqual([]);
  });

  it('cancels a session entered twice by mistake, with a reason, and the calendar drops it', async () => {
    await createSession(TOPIC, '15:00', '16:30');
    await page.getByText('取消活动', { exact: true }).click();
    await page.getByLabel('理由（必填，记入审计日志）').fill('重复录入，以上午的活动为准');
    await screenshot(page, 'leader-week-cancel-reason', { fullPage: false });
    await page.getByRole('button', { name: '确认取消活动' }).click();
    const banner = page.getByTestId('session-cancelled');
    await expect.poll(() => banner.innerText().catch(() => '')).toContain('重复录入，以上午的活动为准');
    expect(await banner.innerText()).toContain('王主任');
    expect(await page.locator('table.roster').count()).toBe(0);
    await screenshot(page, 'leader-week-cancelled', { fullPage: false });

    await page.getByRole('link', { name: '学习日历' }).click();
    const list = page.locator('section[aria-labelledby=sessions-title] tbody tr');
    await expect.poll(() => list.count()).toBe(1);
    expect(await list.innerText()).toContain(`${TODAY} ${START}–${END}`);
    expect(pageProblems(page)).toEqual([]);
  });

  it('reviews the unit’s notes page 1 first, then page 2, and none is skipped', async () => {
    await page.getByRole('link', { name: '笔记审阅' }).click();
    const pager = page.getByRole('navigation', { name: '笔记分页' }).first();
    const shownIds = () => page.locator('article.note').evaluateAll((notes) => notes.map((n) => n.getAttribute('data-note-id') ?? ''));
    await expect.poll(() => pager.innerText()).toContain('第 1–20 条，共 24 条');
    // Two read on page 1: they leave the unread list and the page fills up from behind.
    const firstTwo = (await shownIds()).slice(0, 2);
    const boxes = page.locator('.review-item input[type=checkbox]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: '将选中的 2 条标记为已阅' }).click();
    await expect.poll(() => page.getByTestId('notes-moved').innerText().catch(() => '')).toBe('2 条笔记已标记为已阅，已移出未阅列表。');
    await expect.poll(() => pager.innerText()).toContain('第 1–20 条，共 22 条');
    const pageOne = await shownIds();
    expect(pageOne).toHaveLength(20);
    expect(pageOne.filter((id) => firstTwo.includes(id))).toEqual([]);

    // Page 2 holds the two notes that moved past page 1, none skipped.
    await pager.getByRole('link', { name: '下一页' }).click();
    await expect.poll(() => pager.innerText()).toContain('第 21–22 条，共 22 条');
    const pageTwo = await shownIds();
    expect(new Set([...firstTwo, ...pageOne, ...pageTwo]).size).toBe(24);
    await screenshot(page, 'leader-week-notes-page-2', { fullPage: false });
    await page.getByRole('button', { name: '本页 2 条未阅笔记全部标记为已阅' }).click();
    // Page 2 is now past the end: the last page takes its place.
    await expect.poll(() => pager.innerText().catch(() => '')).toContain('第 1–20 条，共 20 条');
    expect(new URL(page.url()).searchParams.get('page')).toBeNull();
    await page.getByRole('button', { name: '本页 20 条未阅笔记全部标记为已阅' }).click();
    await page.getByText('没有符合条件的笔记').waitFor();
    await page.reload();
    await page.getByText('没有符合条件的笔记').waitFor();
    // All 24 are reviewed, by the true count.
    await page.getByLabel('审阅状态').selectOption({ label: '已阅' });
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await expect.poll(() => pager.innerText().catch(() => '')).toContain('第 1–20 条，共 24 条');
    expect(pageProblems(page)).toEqual([]);
  });

  it('approves 张伟’s lower target from his record, confirms the grade, sees it flagged after a later change and reconfirms', async () => {
    await page.getByRole('link', { name: '年度档案' }).click();
    await page.locator(`#summary-people tr[data-person-id="${zhang.id}"]`).getByRole('link', { name: '张伟' }).click();
    await page.getByRole('link', { name: '查看学习计划及待审批的变更' }).click();
    const pending = page.getByTestId('pending-changes');
    await expect.poll(() => pending.innerText().catch(() => '')).toContain(`${YEAR} 年学习计划（全年）目标学时`);
    expect(await pending.innerText()).toContain('50 → 40 小时');
    expect(await pending.innerText()).toContain('张伟 于');
    await screenshot(page, 'leader-week-plan-change');
    await pending.getByRole('button', { name: '批准' }).click();
    await expect.poll(() => page.getByTestId('pending-changes').count()).toBe(0);
    await expect.poll(() => page.getByLabel('总学时目标').first().inputValue()).toBe('40');

    await page.getByRole('link', { name: '查看年度学习档案' }).click();
    const decided = page.getByTestId('decided-grade');
    await expect.poll(() => decided.innerText().catch(() => '')).toBe('待领导确认');
    const suggested = await page.getByTestId('suggested-grade').innerText();
    await page.getByRole('button', { name: '确认建议等次' }).click();
    await expect.poll(() => decided.innerText()).toContain(`${suggested} · 由 王主任 于`);
    expect(await page.getByTestId('grade-stale').count()).toBe(0);

    // Later 张伟 writes one more note: the figures the decision rests on have moved.
    await zhangApi.call('POST', '/api/sync', { deviceId: 'office-pc', segments: [], notes: [note('乡土中国', 15, 0.5)] });
    await page.reload();
    const stale = page.getByTestId('grade-stale');
    await expect.poll(() => stale.innerText().catch(() => '')).toContain('建议等级已变化');
    expect(await stale.innerText()).toContain('笔记篇数');
    await stale.scrollIntoViewIfNeeded();
    await screenshot(page, 'leader-week-grade-stale', { fullPage: false });
    // Reconfirming on the figures as they now stand clears the notice.
    await page.getByRole('button', { name: '确认建议等次' }).click();
    await expect.poll(() => page.getByTestId('grade-stale').count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);

    // What the leader saw is what the server keeps: the approved target and one session counted.
    const record = await zhangApi.call<{ attendance: { expected: number; present: number }; grade: { decision: { grade: string } | null } }>('GET', `/api/annual-records/${zhang.id}/${YEAR}`);
    expect(record.attendance).toMatchObject({ expected: 1, present: 1 });
    expect(record.grade.decision).not.toBeNull();
    const plan = await zhangApi.call<{ targets: { totalHours: number } }>('GET', `/api/people/${zhang.id}/plans/${YEAR}/year`);
    expect(plan.targets.totalHours).toBe(40);
  });
});

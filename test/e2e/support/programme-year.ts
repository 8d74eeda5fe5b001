// Seeds a realistic programme year through the public API, as an office would have lived it: units and
// people, designated resources, the unit's plan and must-read list, every month's study-exchange day and
// quarterly lectures with attendance, research reports and visits, and a month of online study (the
// server takes segments up to 30 days old). Times are in the organisation's zone `timeZone`.
import { randomUUID } from 'node:crypto';
import { generatedDay } from '../../../server/programme/study-calendar.ts';
import { datesBetween, dateInZone, instantInZone, startOfDate } from '../../../shared/time/zoned-days.ts';

export interface Caller {
  token: string;
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function caller(baseUrl: string, username: string, password: string): Promise<Caller> {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!login.ok) throw new Error(`sign-in as ${username}: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  return {
    token,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (res.status === 204 ? null : await res.json()) as T;
    },
  };
}

export const PASSWORD = 'study-hard-2026';

type Id = { id: string };
export interface SeededYear {
  year: number;
  office: Id;
  research: Id & { name: string };
  culture: Id;
  leader: Id & { username: string; name: string };
  zhang: Id & { username: string; name: string };
  li: Id & { username: string; name: string };
  liu: Id & { username: string; name: string };
  chen: Id & { username: string; name: string };
}

/** `HH:MM` on `date` in the zone as an instant with offset. */
export function at(date: string, time: string, timeZone: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return instantInZone(startOfDate(date, timeZone) + (h * 60 + m) * 60_000, timeZone);
}

export async function seedYear(baseUrl: string, admin: Caller, timeZone: string, nowMs: number): Promise<SeededYear> {
  const today = dateInZone(nowMs, timeZone);
  const year = Number(today.slice(0, 4));
  const unit = (name: string, parentId?: string) => admin.call<Id & { name: string }>('POST', '/api/units', { name, parentId });
  const office = await unit('市政协机关');
  const research = await unit('研究室', office.id);
  const culture = await unit('文史委', office.id);
  const person = async (username: string, name: string, role: string, unitId: string) => ({
    ...(await admin.call<Id>('POST', '/api/people', { username, name, password: PASSWORD, role, unitId, memberSince: `${year}-01-01` })),
    username,
    name,
  });
  const leader = await person('wang.zhuren', '王主任', 'leader', research.id);
  const zhang = await person('zhang.wei', '张伟', 'staff', research.id);
  const li = await person('li.na', '李娜', 'staff', research.id);
  const liu = await person('liu.yang', '刘洋', 'staff', research.id);
  const chen = await person('chen.jing', '陈静', 'staff', culture.id);
  const resource = (name: string, category: string, pattern: string) => admin.call<Id>('POST', '/api/resources', { name, category, kind: 'reading', patterns: [pattern] });
  const xuexi = await resource('学习强国', 'political-theory', 'https://www.xuexi.example/*');
  const cppcc = await resource('中国政协网', 'cppcc-theory', 'https://www.cppcc.example/*');
  const law = await resource('国家法律法规数据库', 'professional', 'https://flk.example/*');

  // The unit's plan for the year (set by its leader) and 张伟's own progress on it.
  const lead = await caller(baseUrl, leader.username, PASSWORD);
  const defaults = await lead.call<{ readingList: { id: string; title: string }[] }>('PUT', `/api/units/${research.id}/plan-defaults/${year}/year`, {
    targets: { totalHours: 50, byCategory: { 'political-theory': 20, 'cppcc-theory': 10, professional: 15 } },
    readingList: [
      { title: '习近平谈治国理政（第四卷）', author: '习近平', resourceId: xuexi.id },
      { title: '中国共产党政治协商工作条例', author: '', resourceId: cppcc.id },
      { title: '乡土中国', author: '费孝通', resourceId: null },
    ],
  });
  const me = await caller(baseUrl, zhang.username, PASSWORD);
  await me.call('PUT', `/api/people/${zhang.id}/plans/${year}/year`, {
    targets: { totalHours: 50, byCategory: { 'political-theory': 20, 'cppcc-theory': 10, professional: 15 } },
    readingList: [
      { id: defaults.readingList[0]!.id, title: 'x', status: 'done' },
      { id: defaults.readingList[1]!.id, title: 'x', status: 'done' },
      { id: defaults.readingList[2]!.id, title: 'x', status: 'reading' },
      { title: '中华人民共和国民法典', author: '', resourceId: law.id, status: 'reading' },
    ],
  });

  // Every past month: the exchange day on its first Friday for the whole office; each quarter a
  // full-day lecture on the third Friday for the research office. Attendance as an office would see it.
  const everyone = [leader, zhang, li, liu, chen];
  const firstOfMonth = today.slice(0, 7);
  const fridays = datesBetween(`${year}-01-01`, today).filter((d) => generatedDay(d) !== null && d.slice(0, 7) < firstOfMonth);
  let n = 0;
  for (const date of fridays) {
    const exchange = generatedDay(date)!.kind === 'exchange-day';
    const third = Number(date.slice(8)) >= 15 && Number(date.slice(8)) <= 21 && [3, 6, 9].includes(Number(date.slice(5, 7)));
    if (!exchange && !third) continue;
    const session = await admin.call<Id>('POST', '/api/sessions', exchange
      ? { kind: 'exchange-day', topic: `${Number(date.slice(5, 7))}月学习交流日：读书心得交流`, startsAt: at(date, '14:30', timeZone), endsAt: at(date, '17:30', timeZone), place: '机关三楼会议室', organiserId: leader.id, materials: [xuexi.id], tariff: 'half-day', tariffReason: '按半天计', unitIds: [office.id] }
      : { kind: 'special-lecture', topic: '专题辅导：政协履职能力建设', startsAt: at(date, '09:00', timeZone), endsAt: at(date, '17:00', timeZone), place: '市委党校', organiserId: leader.id, materials: [cppcc.id], tariff: 'day', unitIds: [research.id] });
    n += 1;
    const mark = (p: Id, body: unknown) => admin.call('PUT', `/api/sessions/${session.id}/attendance/${p.id}`, body);
    for (const p of exchange ? everyone : [leader, zhang, li, liu]) {
      if (p === zhang && n === 4) await mark(p, { status: 'late' });
      else if (p === zhang && n === 7) await mark(p, { status: 'leave', reason: '赴省政协参加培训', makeUp: { doneOn: date, note: '观看录像补学' } });
      else if (p === li && (n === 3 || n === 8)) await mark(p, { status: 'absent' });
      else if (p === liu && n === 5) await mark(p, { status: 'leave', reason: '病假' });
      else await mark(p, { status: 'present' });
    }
  }

  // Research: 张伟 meets the target, 刘洋 too, 李娜 has a draft only. What has happened is dated today at
  // the latest (the server refuses a future date), so the seed holds early in the year as well.
  const happened = (date: string) => (date < today ? date : today);
  const report = (who: Caller, personId: string, title: string, status: string, date: string) =>
    who.call('POST', '/api/research/reports', { personId, title, status, date: happened(date) });
  // An author never adopts their own report: their leader records the adopted one.
  await report(lead, zhang.id, '关于社区居家养老服务的调研报告', 'adopted', `${year}-05-20`);
  await report(me, zhang.id, '关于老旧小区改造群众意愿的调研报告', 'submitted', `${year}-09-12`);
  await report(lead, li.id, '关于农贸市场食品安全的调研（初稿）', 'draft', `${year}-10-08`);
  await report(lead, liu.id, '关于中小学课后服务的调研报告', 'submitted', `${year}-04-18`);
  await report(lead, liu.id, '关于重点工程农民工权益保障的调研报告', 'adopted', `${year}-08-26`);
  const visit = (personId: string, kind: string, date: string, place: string) =>
    me.call('POST', '/api/research/visits', { personId, kind, date: happened(date), place, summary: '' });
  await visit(zhang.id, 'community', `${year}-03-24`, '东城街道幸福里社区');
  await visit(zhang.id, 'community', `${year}-04-09`, '西关街道养老服务中心');
  await visit(zhang.id, 'enterprise', `${year}-06-16`, '市高新区某装备制造企业');
  await visit(zhang.id, 'village', `${year}-08-05`, '南阳镇李庄村');

  // A month of online study on weekdays (the server accepts segments up to 30 days old).
  const resources = [
    { id: xuexi.id, url: 'https://www.xuexi.example/article/1' },
    { id: cppcc.id, url: 'https://www.cppcc.example/theory/2' },
    { id: law.id, url: 'https://flk.example/civil-code' },
  ];
  const days = datesBetween(dateInZone(nowMs - 27 * 86_400_000, timeZone), dateInZone(nowMs - 86_400_000, timeZone)).filter((d) => {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    return wd !== 0 && wd !== 6 && d.startsWith(`${year}-`);
  });
  const segments = days.map((date, i) => {
    const r = resources[i % resources.length]!;
    return { id: randomUUID(), resourceId: r.id, url: r.url, title: '学习', mode: 'reading', startedAt: at(date, '08:00', timeZone), endedAt: at(date, '09:10', timeZone) };
  });
  // Reading notes through the year (读书笔记), a few checked by the leader (严查学习笔记).
  const books = ['习近平谈治国理政（第四卷）', '中国共产党政治协商工作条例', '乡土中国', '中华人民共和国民法典'];
  const notes = Array.from({ length: 14 }, (_, i) => {
    const month = String(Math.min(12, 1 + Math.floor((i * Number(today.slice(5, 7))) / 14))).padStart(2, '0');
    const created = at(`${year}-${month}-${String(5 + (i % 20)).padStart(2, '0')}`, '20:00', timeZone);
    return {
      id: randomUUID(),
      url: null,
      canonicalUrl: null,
      title: books[i % books.length]!,
      resourceId: null,
      selectors: [],
      quote: '',
      comment: `第${i + 1}篇读书笔记：结合岗位职责，联系工作实际，谈学习体会与改进措施。`,
      tags: [books[i % books.length]!],
      colour: 'yellow',
      createdAt: created,
      updatedAt: created,
      deletedAt: null,
    };
  }).filter((n) => Date.parse(n.createdAt) < nowMs);
  await me.call('POST', '/api/sync', { deviceId: 'office-pc', segments: [], notes });
  for (const n of notes.slice(0, 6)) await lead.call('PUT', `/api/notes/${n.id}/review`, { comment: '已阅，体会深刻。' });

  if (segments.length > 0) {
    const sync = await me.call<{ rejected: unknown[] }>('POST', '/api/sync', { deviceId: 'office-pc', segments });
    if (sync.rejected.length > 0) throw new Error(`the seeded study time was refused: ${JSON.stringify(sync.rejected)}`);
  }

  return { year, office, research, culture, leader, zhang, li, liu, chen };
}

/**
 * An IANA zone where it is about midday now, so a session starting now never crosses local midnight
 * whenever the test runs (the scenario does not depend on the time of day).
 */
export function middayZone(nowMs: number): string {
  const offset = 12 - new Date(nowMs).getUTCHours();
  if (offset === 0) return 'Etc/GMT';
  // Etc/GMT zones are named with the sign inverted (Etc/GMT-8 is UTC+8).
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

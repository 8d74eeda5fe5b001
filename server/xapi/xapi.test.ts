// xAPI statements: every statement generated for every kind of record passes Learning Locker's
// conformance-tested validator; verbs, durations, timestamps, ids and context are what another
// learning system needs; segments credited nothing are left out.
import validation from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { isoDuration, uuidV5, XAPI_VERBS, xapiStatements, type XapiOptions, type XapiRecord, type XapiStatement } from './xapi.ts';

// The package is CommonJS with an __esModule default; whichever way the loader hands it over.
const validate = ((validation as unknown as { default?: unknown }).default ?? validation) as (s: unknown) => { path: string[]; message: string }[];

const HOME = 'https://studytrail.example.org/';
const OPTIONS: XapiOptions = {
  homePage: HOME,
  timeZone: 'Asia/Shanghai',
  resourceOf: (id) => (id === 'res-theory' ? { id, name: '理论学习专栏', category: 'political-theory' } : undefined),
};
const PERSON = { username: 'zhang.wei', name: '张伟' };

const RECORDS: XapiRecord[] = [
  { kind: 'segment', id: '00000000-0000-4000-8000-000000000001', resourceId: 'res-theory', url: 'https://learn.example.org/a?x=1', title: '第一课', startMs: Date.parse('2026-03-06T01:00:00Z'), mode: 'reading', creditedSeconds: 630 },
  // Another device, overlapping the first for 4 minutes: only its last 6 minutes are new.
  { kind: 'segment', id: '00000000-0000-4000-8000-000000000002', resourceId: 'res-theory', url: 'https://learn.example.org/video/7', title: '', startMs: Date.parse('2026-03-06T01:06:30Z'), mode: 'media', creditedSeconds: 360 },
  // Entirely inside the first: no new time, no statement.
  { kind: 'segment', id: '00000000-0000-4000-8000-000000000003', resourceId: 'res-theory', url: 'https://learn.example.org/b', title: 'B', startMs: Date.parse('2026-03-06T01:01:00Z'), mode: 'reading', creditedSeconds: 0 },
  // A resource since removed from the policy: statement without resource context.
  { kind: 'segment', id: '00000000-0000-4000-8000-000000000004', resourceId: 'gone', url: 'https://old.example.org/x', title: 'X', startMs: Date.parse('2026-03-07T02:00:00Z'), mode: 'reading', creditedSeconds: 3723 },
  { kind: 'note', id: '00000000-0000-4000-8000-00000000000a', url: 'https://learn.example.org/a?x=1', title: '第一课', resourceId: 'res-theory', quote: '学习型机关', comment: '要点', createdAt: '2026-03-06T01:05:00Z' },
  { kind: 'note', id: '00000000-0000-4000-8000-00000000000b', url: null, title: '《论语》读书笔记', resourceId: null, quote: '', comment: '学而时习之', createdAt: '2026-03-08T12:00:00Z' },
  { kind: 'note', id: '00000000-0000-4000-8000-00000000000c', url: null, title: '', resourceId: null, quote: '', comment: '', createdAt: '2026-03-08T12:30:00Z' },
  { kind: 'attendance', id: 'att1', sessionId: 'sess1', sessionTitle: '三月学习交流日', at: '2026-03-06T06:00:00Z' },
  { kind: 'submission', id: 'rep1', title: '关于社区养老的调研报告', submittedAt: '2026-03-09T08:00:00Z' },
];

const statements = xapiStatements(PERSON, RECORDS, OPTIONS);
const byVerb = (verb: keyof typeof XAPI_VERBS) => statements.filter((s) => s.verb.id === XAPI_VERBS[verb].id);

describe('xapiStatements', () => {
  it('produces only statements the xAPI validator accepts', () => {
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) expect(validate(statement).map((w) => `${w.path.join('.')}: ${w.message}`), statement.id).toEqual([]);
  });

  it('the validator is not a rubber stamp: it rejects a broken statement', () => {
    const broken = { ...statements[0]!, timestamp: 'yesterday', result: { duration: '5 minutes' } };
    expect(validate(broken).length).toBeGreaterThanOrEqual(2);
  });

  it('names the person as an account on the office\'s home page', () => {
    for (const s of statements) expect(s.actor).toEqual({ objectType: 'Agent', name: '张伟', account: { homePage: HOME, name: 'zhang.wei' } });
  });

  it('reports reading and watching with their credited durations, leaving out segments credited nothing', () => {
    expect(byVerb('read').map((s) => [s.object.id, s.result?.duration])).toEqual([
      ['https://learn.example.org/a?x=1', 'PT10M30S'],
      ['https://old.example.org/x', 'PT1H2M3S'],
    ]);
    expect(byVerb('watched').map((s) => [s.object.id, s.result?.duration, s.object.definition.type])).toEqual([
      ['https://learn.example.org/video/7', 'PT6M', 'https://w3id.org/xapi/video/activity-type/video'],
    ]);
    expect(statements.some((s) => s.object.id === 'https://learn.example.org/b')).toBe(false);
  });

  it('writes timestamps in the organisation\'s time zone with the offset', () => {
    expect(byVerb('read')[0]!.timestamp).toBe('2026-03-06T09:00:00+08:00');
    for (const s of statements) expect(s.timestamp).toMatch(/T\d\d:\d\d:\d\d(\.\d{3})?[+-]\d\d:\d\d$/);
  });

  it('puts the resource and its category in the context', () => {
    const s = byVerb('read')[0]!;
    expect(s.context.contextActivities).toEqual({
      parent: [{ objectType: 'Activity', id: `${HOME}xapi/resources/res-theory`, definition: { type: 'http://id.tincanapi.com/activitytype/resource', name: { 'zh-CN': '理论学习专栏' } } }],
      category: [{ objectType: 'Activity', id: `${HOME}xapi/categories/political-theory`, definition: { type: 'http://id.tincanapi.com/activitytype/category' } }],
    });
    expect(byVerb('read')[1]!.context.contextActivities).toBeUndefined();
  });

  it('reports notes as annotations, with the comment as response and the quote as an extension', () => {
    const [clipped, free, empty] = byVerb('annotated');
    expect(clipped!.object.id).toBe('https://learn.example.org/a?x=1');
    expect(clipped!.result).toEqual({ response: '要点', extensions: { [`${HOME}xapi/extensions/quote`]: '学习型机关' } });
    expect(free!.object).toEqual({ objectType: 'Activity', id: `${HOME}xapi/notes/00000000-0000-4000-8000-00000000000b`, definition: { type: 'http://activitystrea.ms/schema/1.0/note', name: { 'zh-CN': '《论语》读书笔记' } } });
    expect(empty!.result).toBeUndefined();
  });

  it('maps attendance and submitted reports to attended and submitted', () => {
    expect(byVerb('attended').map((s) => s.object.id)).toEqual([`${HOME}xapi/sessions/sess1`]);
    expect(byVerb('submitted').map((s) => s.object.id)).toEqual([`${HOME}xapi/reports/rep1`]);
  });

  it('gives stable, distinct UUID v5 ids, so re-sending an export stores nothing twice', () => {
    const again = xapiStatements(PERSON, [...RECORDS].reverse(), { ...OPTIONS, homePage: 'https://studytrail.example.org' });
    expect(again.map((s) => s.id)).toEqual(statements.map((s) => s.id));
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
    for (const s of statements) expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('orders statements by time', () => {
    const times = statements.map((s: XapiStatement) => Date.parse(s.timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('uuidV5', () => {
  it('matches the RFC 4122 example (DNS namespace, "python.org")', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });
});

describe('isoDuration', () => {
  it.each([
    [0, 'PT0S'],
    [45, 'PT45S'],
    [60, 'PT1M'],
    [3600, 'PT1H'],
    [3723, 'PT1H2M3S'],
    [90000, 'PT25H'],
    [59.6, 'PT1M'],
  ])('%s s is %s', (seconds, expected) => {
    expect(isoDuration(seconds)).toBe(expected);
  });
});

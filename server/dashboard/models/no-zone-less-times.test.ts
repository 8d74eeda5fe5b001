// Every day and time a person is shown is in the organisation's time zone. This guard reads the sources
// of the dashboard and of the extension's pages (popup, options, side panel, notice, note editor) and
// of what decides the extension's "today", and lists every way of writing a time in the browser's zone
// (or as raw UTC): toLocale*String, Intl.DateTimeFormat without a timeZone, the Date's local getters and
// local constructor, toISOString, an ISO instant (…At) cut to its UTC date, a zone-taking formatter
// (formatInstant, formatInstantDate) called without its zone, and an optional timeZone parameter (left
// out, Intl silently falls back to the browser's zone: how the roster's check-in time and a pending
// change's "proposed at" once slipped through). The few justified uses are allowed below, each with its reason;
// an allowance that no longer matches fails too, so the list stays true.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCANNED = [
  'server/dashboard',
  'extension/entrypoints',
  'extension/ui',
  'extension/note-editor',
  'extension/highlights/notes',
  'extension/status',
  'extension/programme',
  'extension/tracking/daily-total.ts',
];

interface Allowance {
  readonly file: string;
  /** Text of the offending line. */
  readonly line: string;
  readonly reason: string;
}

const ALLOWED: readonly Allowance[] = [
  {
    file: 'server/dashboard/models/range.ts',
    line: 'return d.toISOString().slice(0, 10);',
    reason: 'date arithmetic on a calendar date read as UTC midnight: the date part is the date, in no zone',
  },
  {
    file: 'server/dashboard/models/programme/calendar-month.ts',
    line: 'return d.toISOString().slice(0, 10);',
    reason: 'date arithmetic on a calendar date read as UTC midnight: the date part is the date, in no zone',
  },
  {
    file: 'server/dashboard/components/notes/NotesDownload.tsx',
    line: 'const file = notesDownload(format, notes, labels, new Date(now()).toISOString(), timeZone);',
    reason: 'the export instant handed to the converter, which writes it in the organisation’s zone (JSON-LD keeps ISO for machines)',
  },
  {
    file: 'extension/ui/models/sidepanel-model.ts',
    line: 'const exportedAt = () => new Date().toISOString();',
    reason: 'the export instant handed to the converters, which write it in the organisation’s zone (JSON-LD keeps ISO for machines)',
  },
  {
    file: 'extension/highlights/notes/note-service.ts',
    line: "return save(deps, owner, checked(newClip(input, { id, resourceId, now: new Date(deps.now()).toISOString() })));",
    reason: 'a note’s stored timestamp, never shown as such',
  },
  {
    file: 'extension/highlights/notes/note-service.ts',
    line: 'return save(deps, owner, newReadingNote(input, { id, now: new Date(deps.now()).toISOString() }));',
    reason: 'a note’s stored timestamp, never shown as such',
  },
  {
    file: 'extension/highlights/notes/note-service.ts',
    line: 'return save(deps, owner, make(local.note, new Date(deps.now()).toISOString()));',
    reason: 'a note’s stored timestamp, never shown as such',
  },
];

const RULES: readonly { name: string; test: (line: string, source: string, index: number) => boolean }[] = [
  { name: 'toLocale*String', test: (line) => /\.toLocale(Date|Time)?String\(/.test(line) },
  { name: 'toDateString/toTimeString', test: (line) => /\.to(Date|Time)String\(/.test(line) },
  { name: 'Intl.DateTimeFormat without timeZone', test: (_line, source, index) => dateTimeFormatWithoutZone(source, index) },
  { name: 'local Date getter', test: (line) => /\.get(FullYear|Month|Date|Day|Hours|Minutes)\(\)/.test(line) },
  { name: 'local Date constructor', test: (line) => /new Date\([^()]*,[^()]*\)/.test(line) },
  { name: 'toISOString', test: (line) => /\.toISOString\(\)/.test(line) },
  { name: 'instant cut to its UTC date', test: (line) => /\w+At\??\.slice\(0,\s*10\)/.test(line) },
  { name: 'zone-taking formatter without its zone', test: (_line, source, index) => formatterWithoutZone(source, index) },
  { name: 'optional timeZone parameter', test: (line) => /\btimeZone\?\s*:/.test(line) },
];

/** The formatters whose third argument is the zone (server/dashboard/models/format.ts, the extension's). */
const ZONED_FORMATTERS = /(?<![\w.])(formatInstant|formatInstantDate)\(/g;

/** True when a call of a zoned formatter starting on the line at `lineStart` passes fewer than three arguments. */
function formatterWithoutZone(source: string, lineStart: number): boolean {
  const lineEnd = source.indexOf('\n', lineStart);
  const line = source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  if (/\bfunction\s+formatInstant/.test(line)) return false;
  ZONED_FORMATTERS.lastIndex = 0;
  for (let m = ZONED_FORMATTERS.exec(line); m !== null; m = ZONED_FORMATTERS.exec(line)) {
    let depth = 1;
    let commas = 0;
    let i = lineStart + m.index + m[0].length;
    for (; i < source.length && depth > 0; i++) {
      const ch = source[i];
      if (ch === '(' || ch === '{' || ch === '[') depth++;
      else if (ch === ')' || ch === '}' || ch === ']') depth--;
      else if (ch === ',' && depth === 1) commas++;
    }
    if (commas < 2) return true;
  }
  return false;
}

/** True when an `Intl.DateTimeFormat(` call starting on the line at `index` has no timeZone among its arguments. */
function dateTimeFormatWithoutZone(source: string, lineStart: number): boolean {
  const lineEnd = source.indexOf('\n', lineStart);
  const line = source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const re = /Intl\.DateTimeFormat\(/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    let depth = 1;
    let i = lineStart + m.index + m[0].length;
    const start = i;
    for (; i < source.length && depth > 0; i++) {
      if (source[i] === '(') depth++;
      else if (source[i] === ')') depth--;
    }
    if (!/\btimeZone\b/.test(source.slice(start, i - 1))) return true;
  }
  return false;
}

function sources(path: string): string[] {
  const full = join(ROOT, path);
  if (statSync(full).isFile()) return [path];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const child = join(path, entry.name);
    if (entry.isDirectory()) return sources(child);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [child] : [];
  });
}

interface Finding {
  readonly file: string;
  readonly lineNumber: number;
  readonly line: string;
  readonly rule: string;
}

function findings(): Finding[] {
  const out: Finding[] = [];
  for (const file of SCANNED.flatMap(sources)) {
    const source = readFileSync(join(ROOT, file), 'utf8');
    let offset = 0;
    source.split('\n').forEach((raw, i) => {
      const line = raw.trim();
      const commented = line.startsWith('//') || line.startsWith('*') || line.startsWith('/*');
      if (!commented) {
        for (const rule of RULES) if (rule.test(line, source, offset)) out.push({ file: relative(ROOT, join(ROOT, file)), lineNumber: i + 1, line, rule: rule.name });
      }
      offset += raw.length + 1;
    });
  }
  return out;
}

describe('times shown are in the organisation’s zone', () => {
  const found = findings();
  const allowed = (f: Finding) => ALLOWED.some((a) => a.file === f.file && a.line === f.line);

  it('scans the sources it names', () => {
    expect(SCANNED.flatMap(sources).length).toBeGreaterThan(100);
  });

  it('finds no zone-less way of writing a time outside the allowances', () => {
    const offenders = found.filter((f) => !allowed(f)).map((f) => `${f.file}:${f.lineNumber} [${f.rule}] ${f.line}`);
    expect(offenders, `Write days and times in the organisation's zone (format.ts formatInstant, shared/time/zoned-days.ts):\n${offenders.join('\n')}`).toEqual([]);
  });

  it('keeps only allowances that still match, each with its reason', () => {
    const stale = ALLOWED.filter((a) => !found.some((f) => f.file === a.file && f.line === a.line)).map((a) => `${a.file}: ${a.line}`);
    expect(stale).toEqual([]);
    for (const a of ALLOWED) expect(a.reason.length).toBeGreaterThan(20);
  });

  it('would catch each kind of offender', () => {
    const source = [
      'a.toLocaleString()',
      'a.toLocaleDateString("zh-CN")',
      'new Intl.DateTimeFormat(locale, { dateStyle: "medium" })',
      'Intl.DateTimeFormat().resolvedOptions().timeZone',
      'd.getHours()',
      'new Date(2026, 2, 6)',
      'new Date(ms).toISOString()',
      'formatDate(decision.decidedAt.slice(0, 10), locale)',
      // How the roster's check-in time and a pending change's "proposed at" were written.
      "<td>{p.entry?.checkedInAt ? formatInstant(p.entry.checkedInAt, locale) : ''}</td>",
      "at: formatInstant(change.proposedAt, locale) })}</span>",
      'formatInstantDate(report.submittedAt, locale)',
      'export function formatInstant(instant: string, locale: Locale, timeZone?: string): string {',
    ];
    for (const line of source) {
      const text = `${line}\n`;
      expect(RULES.some((r) => r.test(line, text, 0)), line).toBe(true);
    }
    const zoned = 'new Intl.DateTimeFormat(locale, {\n  dateStyle: "medium",\n  timeZone,\n})';
    expect(RULES.some((r) => r.test('new Intl.DateTimeFormat(locale, {', zoned, 0))).toBe(false);
    // A zoned call, on one line or over several (arguments with calls and objects of their own), passes.
    for (const line of ['formatInstant(change.proposedAt, locale, timeZone)', "formatInstant(f(a, b), pick({ x: 1, y: 2 }), zones['org'])"]) {
      expect(RULES.some((r) => r.test(line, `${line}\n`, 0)), line).toBe(false);
    }
    const multi = 'formatInstant(\n  entry.checkedInAt,\n  locale,\n  timeZone,\n)';
    expect(RULES.some((r) => r.test('formatInstant(', multi, 0))).toBe(false);
  });
});

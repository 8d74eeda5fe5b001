import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/t.ts';
import { auditActionLabel, auditTargetLabel } from './audit-labels.ts';

const zh = translator('zh-CN');
const en = translator('en');

/** Every action the server writes: the literals passed to programmeAudit(…) and the store's auditOp(…). */
function serverActions(): string[] {
  const root = path.resolve(import.meta.dirname, '../..');
  const files = ['routes', 'store', 'http', 'report-inputs'].flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => path.join(root, dir, f)),
  );
  const actions = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/programmeAudit\(\s*c,\s*'([a-z_]+\.[a-z_]+)'/g)) actions.add(m[1]!);
    // The store's calls: an action literal, or a ternary of two, as the second argument.
    for (const m of text.matchAll(/auditOp\(audit, (?:[^'`,]*\? )?'([a-z_]+\.[a-z_]+)'(?: : '([a-z_]+\.[a-z_]+)')?/g)) {
      actions.add(m[1]!);
      if (m[2] !== undefined) actions.add(m[2]);
    }
  }
  return [...actions].sort();
}

describe('audit labels', () => {
  it('finds the actions the server writes', () => {
    expect(serverActions()).toEqual(expect.arrayContaining(['person.erase', 'session.cancel', 'attendance.withdraw', 'grade.decide', 'year.reopen', 'unit.delete']));
  });

  it.each(serverActions())('labels %s in both languages, never by its code', (action) => {
    expect(auditActionLabel(action, zh)).not.toBe(action);
    expect(auditActionLabel(action, en)).not.toBe(action);
    expect(auditActionLabel(action, zh)).not.toBe(auditActionLabel(action, en));
  });

  it('names the target, and says so when it no longer exists', () => {
    expect(auditTargetLabel({ target: 'person:abc', targetLabel: '张三' }, zh)).toBe('张三');
    expect(auditTargetLabel({ target: 'person:abc', targetLabel: null }, zh)).toBe('（已不存在）');
    expect(auditTargetLabel({ target: 'programme-settings', targetLabel: null }, en)).toBe('Programme settings');
  });
});

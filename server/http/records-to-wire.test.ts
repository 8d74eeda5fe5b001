// Every field of every record a view is made from is either sent or listed here as kept back, with the
// reason: a field added to a record fails this test until someone decides which (issue 19).
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { userSchema } from '../../shared/schemas/auth.ts';
import { storedNoteSchema } from '../../shared/schemas/notes.ts';
import { auditEntrySchema, createUnitSchema, deviceSchema, personSchema, unitSchema } from '../../shared/schemas/organisation.ts';
import { createResourceSchema, managedResourceSchema, resourceSchema } from '../../shared/schemas/policy.ts';
import { everyField } from '../../test/support/every-field.ts';
import { selectorOverrides } from '../../test/support/store-notes.ts';
import { auditRecordSchema, noteRecordSchema, resourceRecordSchema, tokenRecordSchema, unitRecordSchema, userRecordSchema } from '../store/record-schemas.ts';
import { auditView, deviceView, managedResourceView, personView, resourceView, storedNoteView, unitView, userView } from './records-to-wire.ts';

const PATTERNS = { 'patterns[]': 'https://*.example.org/learn/*' };
const NOTE = { 'note.id': '0e3b6f0a-1111-4111-8111-000000000003', 'note.url': 'https://learn.example.org/a', 'note.canonicalUrl': 'https://learn.example.org/a', ...selectorOverrides('note.') };

interface ViewCase {
  record: z.ZodObject;
  overrides?: Record<string, unknown>;
  view: (record: never) => object;
  wire: z.ZodType;
  /** The record's fields the view does not send. */
  keptBack: string[];
}

const cases: Record<string, ViewCase> = {
  // The signed-in user (login, /api/me): who and where, not the account's history.
  userView: { record: userRecordSchema, view: userView, wire: userSchema, keptBack: ['passwordHash', 'active', 'createdAt', 'memberships'] },
  personView: { record: userRecordSchema, view: personView, wire: personSchema, keptBack: ['passwordHash'] },
  unitView: { record: unitRecordSchema, view: unitView, wire: unitSchema, keptBack: ['createdAt'] },
  // The policy's resources: extensions get only active ones and need not know when one was added.
  resourceView: { record: resourceRecordSchema, overrides: PATTERNS, view: resourceView, wire: resourceSchema, keptBack: ['active', 'createdAt'] },
  managedResourceView: { record: resourceRecordSchema, overrides: PATTERNS, view: managedResourceView, wire: managedResourceSchema, keptBack: ['createdAt'] },
  // The secret's hash and the owner (the route's subject) stay; only device tokens are listed.
  deviceView: { record: tokenRecordSchema, view: deviceView, wire: deviceSchema, keptBack: ['tokenHash', 'userId', 'kind', 'expiresAt'] },
  auditView: { record: auditRecordSchema, view: (a: never) => auditView(a, () => '张三'), wire: auditEntrySchema, keptBack: [] },
  // The change sequence is the sync cursor, not part of the note; the linked book's title is looked up.
  storedNoteView: { record: noteRecordSchema, overrides: NOTE, view: (n: never) => storedNoteView(n, () => '乡土中国'), wire: storedNoteSchema, keptBack: ['seq'] },
};

describe('wire views', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(`${name} sends every field of its record but those kept back, unchanged, in the wire shape`, () => {
      const record = everyField(c.record, c.overrides) as Record<string, unknown>;
      const sent = c.view(record as never) as Record<string, unknown>;
      expect(c.wire.safeParse(sent).success).toBe(true);
      for (const field of c.keptBack) expect(Object.keys(c.record.shape)).toContain(field);
      const meant = Object.keys(c.record.shape).filter((k) => !c.keptBack.includes(k));
      expect(Object.fromEntries(Object.keys(c.record.shape).filter((k) => k in sent).map((k) => [k, sent[k]]))).toStrictEqual(
        Object.fromEntries(meant.map((k) => [k, record[k]])),
      );
    });
  }
});

// The other direction: a field added to what callers send but not to the record would be accepted and
// then dropped (the embedded store parses its journal with the record schema) without an error.
describe('what callers may create', () => {
  const dropped = (wire: z.ZodObject, record: z.ZodObject, notKept: string[]) =>
    Object.keys(wire.shape).filter((k) => !notKept.includes(k) && !(k in record.shape));
  it('every field of a new resource is kept by its record', () => {
    expect(dropped(createResourceSchema, resourceRecordSchema, [])).toEqual([]);
  });
  it('every field of a new unit but the audit reason is kept by its record', () => {
    expect(dropped(createUnitSchema, unitRecordSchema, ['reason'])).toEqual([]);
  });
});

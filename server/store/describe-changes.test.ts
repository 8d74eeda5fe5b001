import { describe, expect, it } from 'vitest';
import { describeChanges } from './describe-changes.ts';
import { AUDITED_FIELDS, resourceRecordSchema, unitRecordSchema, userRecordSchema } from './record-schemas.ts';

describe('describeChanges', () => {
  const old = { name: '甲', tags: ['a'], parentId: null as string | null, active: true };

  it('names each field the change alters, old value to new, in the order of the fields given', () => {
    const changes = { active: false, name: '乙', tags: ['a', 'b'] };
    expect(describeChanges(['name', 'tags', 'active'], old, changes, { ...old, ...changes })).toEqual([
      'name: "甲" → "乙"',
      'tags: ["a"] → ["a","b"]',
      'active: true → false',
    ]);
  });

  it('leaves out fields sent unchanged (lists compared by value), fields not sent, and fields not asked for', () => {
    const changes = { name: '甲', tags: ['a'], active: false };
    expect(describeChanges(['name', 'tags', 'parentId'], old, changes, { ...old, ...changes })).toEqual([]);
  });

  it('describes a value set to null', () => {
    const moved = { ...old, parentId: 'u1' };
    expect(describeChanges(['parentId'], moved, { parentId: null }, old)).toEqual(['parentId: "u1" → null']);
  });
});

describe('the fields an audit entry describes', () => {
  // Derived from the record schemas: a field added to a record is described when it changes.
  it('are every field of the record but its identity, history and password hash', () => {
    const identity = ['id', 'createdAt'];
    expect(AUDITED_FIELDS.unit).toEqual(Object.keys(unitRecordSchema.shape).filter((k) => !identity.includes(k)));
    expect(AUDITED_FIELDS.resource).toEqual(Object.keys(resourceRecordSchema.shape).filter((k) => !identity.includes(k)));
    expect(AUDITED_FIELDS.user).toEqual(Object.keys(userRecordSchema.shape).filter((k) => ![...identity, 'username', 'memberships', 'passwordHash'].includes(k)));
  });
});

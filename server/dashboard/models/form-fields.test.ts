import { describe, expect, it } from 'vitest';
import { fields } from './recording-api.test-support.ts';

describe('a submitted form', () => {
  const form = fields([
    ['name', '  Ada Lovelace '],
    ['active', 'on'],
    ['unitIds', 'u1'],
    ['unitIds', 'u2'],
  ]);

  it('gives a field as typed, or trimmed', () => {
    expect(form.text('name')).toBe('  Ada Lovelace ');
    expect(form.trimmed('name')).toBe('Ada Lovelace');
  });

  it('gives an absent field as empty, never as "null"', () => {
    expect(form.text('missing')).toBe('');
    expect(form.trimmed('missing')).toBe('');
    expect(form.all('missing')).toEqual([]);
  });

  it('says whether a checkbox is ticked (an unticked one is not sent at all)', () => {
    expect(form.checked('active')).toBe(true);
    expect(form.checked('password')).toBe(false);
  });

  it('gives every value chosen in a multiple select, in order', () => {
    expect(form.all('unitIds')).toEqual(['u1', 'u2']);
    expect(form.text('unitIds')).toBe('u1');
  });
});

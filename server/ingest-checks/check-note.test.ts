import { describe, expect, it } from 'vitest';
import type { Note } from '../../shared/schemas/notes.ts';
import { noteTimeProblem } from './check-note.ts';

const NOW = Date.parse('2026-03-06T12:00:00Z');
const note = (times: Partial<Pick<Note, 'createdAt' | 'updatedAt' | 'deletedAt'>>) =>
  ({ id: 'n1', createdAt: '2026-03-06T11:00:00Z', updatedAt: '2026-03-06T11:30:00Z', deletedAt: null, ...times }) as Note;

describe('noteTimeProblem', () => {
  it('accepts times up to 120 s ahead of the server (clock skew), as for segments', () => {
    expect(noteTimeProblem(note({}), NOW)).toBeNull();
    expect(noteTimeProblem(note({ updatedAt: '2026-03-06T12:02:00Z' }), NOW)).toBeNull();
  });

  it.each([
    ['updatedAt', { updatedAt: '9999-12-31T23:59:59Z' }],
    ['updatedAt', { updatedAt: '2026-03-06T12:02:01Z' }],
    ['createdAt', { createdAt: '2027-01-01T00:00:00Z' }],
    ['deletedAt', { deletedAt: '2026-03-07T00:00:00+08:00' }],
  ] as const)('refuses a note whose %s is in the future', (field, times) => {
    expect(noteTimeProblem(note(times), NOW)).toEqual({ id: 'n1', code: 'in_future', message: `${field} is in the future: check the device's clock` });
  });
});

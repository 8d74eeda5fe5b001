import { describe, expect, it } from 'vitest';
import { findClash, type ScheduledSession } from './session-overlap.ts';

const parents: Record<string, string | null> = { office: null, research: 'office', culture: 'office' };
const parentOf = (u: string) => parents[u];
const H = 3_600_000;

function s(id: string, startH: number, endH: number, unitIds: string[], organiserId = `org-${id}`): ScheduledSession {
  return { id, startMs: startH * H, endMs: endH * H, organiserId, unitIds };
}

describe('findClash', () => {
  it('finds an overlapping session for the same unit', () => {
    const a = s('a', 9, 11, ['research']);
    expect(findClash(s('b', 10, 12, ['research']), [a], parentOf)).toBe(a);
  });

  it('lets sessions touch end to start', () => {
    expect(findClash(s('b', 11, 12, ['research']), [s('a', 9, 11, ['research'])], parentOf)).toBeNull();
  });

  it('lets two units with no shared people meet at the same time', () => {
    expect(findClash(s('b', 9, 11, ['culture']), [s('a', 9, 11, ['research'])], parentOf)).toBeNull();
  });

  it('clashes when one audience contains the other, whichever way round', () => {
    expect(findClash(s('b', 9, 11, ['office']), [s('a', 10, 11, ['research'])], parentOf)?.id).toBe('a');
    expect(findClash(s('b', 9, 11, ['research']), [s('a', 10, 11, ['office'])], parentOf)?.id).toBe('a');
  });

  it('clashes when the same organiser would be in two places', () => {
    expect(findClash(s('b', 9, 11, ['culture'], 'wang'), [s('a', 10, 12, ['research'], 'wang')], parentOf)?.id).toBe('a');
  });

  it('does not clash with itself when an edit keeps its id', () => {
    expect(findClash(s('a', 9, 12, ['research']), [s('a', 9, 11, ['research'])], parentOf)).toBeNull();
  });
});

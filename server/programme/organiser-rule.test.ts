import { describe, expect, it } from 'vitest';
import { mayOrganise } from './organiser-rule.ts';

// office ─┬─ committee-a ── a-sub
//         └─ committee-b
const PARENTS: Record<string, string | null> = { office: null, 'committee-a': 'office', 'a-sub': 'committee-a', 'committee-b': 'office' };
const parentOf = (u: string) => PARENTS[u];
const person = (role: 'admin' | 'leader' | 'staff', unitId: string | null, active = true) => ({ role, unitId, active });

describe('mayOrganise', () => {
  it('lets people inside the session units organise it', () => {
    expect(mayOrganise(person('staff', 'committee-a'), ['committee-a'], parentOf)).toBe(true);
    expect(mayOrganise(person('staff', 'a-sub'), ['committee-a'], parentOf)).toBe(true);
  });

  it('lets a leader over every session unit organise it, and admins', () => {
    expect(mayOrganise(person('leader', 'office'), ['committee-a', 'committee-b'], parentOf)).toBe(true);
    expect(mayOrganise(person('admin', null), ['committee-b'], parentOf)).toBe(true);
  });

  it("never hands another unit's roster to its outsiders", () => {
    expect(mayOrganise(person('staff', 'committee-b'), ['committee-a'], parentOf)).toBe(false);
    expect(mayOrganise(person('leader', 'committee-b'), ['committee-a'], parentOf)).toBe(false);
    // A staff member above the units is not inside them.
    expect(mayOrganise(person('staff', 'office'), ['committee-a'], parentOf)).toBe(false);
    expect(mayOrganise(person('staff', null), ['committee-a'], parentOf)).toBe(false);
  });

  it('refuses people who are no longer active', () => {
    expect(mayOrganise(person('staff', 'committee-a', false), ['committee-a'], parentOf)).toBe(false);
  });
});

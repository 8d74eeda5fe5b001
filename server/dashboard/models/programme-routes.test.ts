import { describe, expect, it } from 'vitest';
import { allowedFor, parseRoute, routePath, type Route } from './router.ts';

describe('programme routes', () => {
  const routes: Route[] = [
    { name: 'plan', personId: null },
    { name: 'plan', personId: 'p-1' },
    { name: 'calendar' },
    { name: 'session', sessionId: 's_1' },
    { name: 'check-in' },
    { name: 'bulletin', unitId: null },
    { name: 'bulletin', unitId: 'u-1' },
    { name: 'research' },
    { name: 'annual', personId: null },
    { name: 'annual', personId: 'p-1' },
    { name: 'annual-summary' },
  ];

  it('format to paths that parse back to the same route', () => {
    for (const route of routes) expect(parseRoute(routePath(route))).toEqual(route);
  });

  it('keep the person and unit routes apart from the plan, annual and bulletin pages under them', () => {
    expect(parseRoute('/people/p-1')).toEqual({ name: 'person', personId: 'p-1' });
    expect(parseRoute('/units/u-1')).toEqual({ name: 'overview', unitId: 'u-1' });
    expect(parseRoute('/sessions/../x')).toEqual({ name: 'not-found' });
  });

  it('keep staff out of the bulletin and the organisation summary, not out of their own pages', () => {
    expect(allowedFor({ name: 'bulletin', unitId: null }, 'staff')).toBe(false);
    expect(allowedFor({ name: 'annual-summary' }, 'staff')).toBe(false);
    expect(allowedFor({ name: 'annual-summary' }, 'leader')).toBe(true);
    for (const name of ['calendar', 'check-in', 'research'] as const) expect(allowedFor({ name }, 'staff')).toBe(true);
    expect(allowedFor({ name: 'plan', personId: null }, 'staff')).toBe(true);
    expect(allowedFor({ name: 'annual', personId: null }, 'staff')).toBe(true);
  });
});

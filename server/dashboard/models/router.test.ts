import { describe, expect, it } from 'vitest';
import { allowedFor, homeRoute, parseRoute, routePath, type Route } from './router.ts';

describe('routes', () => {
  it.each<[string, Route]>([
    ['/', { name: 'home' }],
    ['/overview', { name: 'overview', unitId: null }],
    ['/units/u-1', { name: 'overview', unitId: 'u-1' }],
    ['/people/p_2/', { name: 'person', personId: 'p_2' }],
    ['/me', { name: 'me' }],
    ['/notes', { name: 'notes' }],
    ['/admin', { name: 'admin', tab: 'people' }],
    ['/admin/audit', { name: 'admin', tab: 'audit' }],
    ['/admin/nope', { name: 'not-found' }],
    ['/people/../etc', { name: 'not-found' }],
  ])('%s parses', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it('formats every route back to a path that parses to it', () => {
    const routes: Route[] = [{ name: 'overview', unitId: 'u-1' }, { name: 'person', personId: 'p-1' }, { name: 'me' }, { name: 'notes' }, { name: 'admin', tab: 'resources' }];
    for (const route of routes) expect(parseRoute(routePath(route))).toEqual(route);
  });

  it('sends staff home to their own learning and leaders to the overview', () => {
    expect(homeRoute('staff')).toEqual({ name: 'me' });
    expect(homeRoute('leader')).toEqual({ name: 'overview', unitId: null });
  });

  it('keeps staff out of the overview, the notes review and administration; leaders out of administration', () => {
    expect(allowedFor({ name: 'overview', unitId: null }, 'staff')).toBe(false);
    expect(allowedFor({ name: 'notes' }, 'staff')).toBe(false);
    expect(allowedFor({ name: 'admin', tab: 'people' }, 'leader')).toBe(false);
    expect(allowedFor({ name: 'admin', tab: 'people' }, 'admin')).toBe(true);
    expect(allowedFor({ name: 'me' }, 'staff')).toBe(true);
  });
});

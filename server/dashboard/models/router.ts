// The dashboard's routes as data: a location (path + query) parses into one Route and a Route formats
// back into a link, so components never build URLs by hand.
import type { Role } from '../../../shared/schemas/domain.ts';

export const ADMIN_TABS = ['people', 'units', 'resources', 'settings', 'audit'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export type Route =
  | { name: 'home' }
  | { name: 'overview'; unitId: string | null }
  | { name: 'person'; personId: string }
  | { name: 'me' }
  | { name: 'notes' }
  | { name: 'admin'; tab: AdminTab }
  | { name: 'not-found' };

const ID = '([A-Za-z0-9_-]{1,64})';

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === '/overview') return { name: 'overview', unitId: null };
  let m = new RegExp(`^/units/${ID}$`).exec(path);
  if (m) return { name: 'overview', unitId: m[1]! };
  m = new RegExp(`^/people/${ID}$`).exec(path);
  if (m) return { name: 'person', personId: m[1]! };
  if (path === '/me') return { name: 'me' };
  if (path === '/notes') return { name: 'notes' };
  if (path === '/admin') return { name: 'admin', tab: 'people' };
  m = /^\/admin\/([a-z]+)$/.exec(path);
  if (m && (ADMIN_TABS as readonly string[]).includes(m[1]!)) return { name: 'admin', tab: m[1] as AdminTab };
  return { name: 'not-found' };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'overview':
      return route.unitId === null ? '/overview' : `/units/${encodeURIComponent(route.unitId)}`;
    case 'person':
      return `/people/${encodeURIComponent(route.personId)}`;
    case 'me':
      return '/me';
    case 'notes':
      return '/notes';
    case 'admin':
      return `/admin/${route.tab}`;
    case 'not-found':
      return '/';
  }
}

/** Where `/` leads: staff to their own learning, leaders and admins to the overview. */
export function homeRoute(role: Role): Route {
  return role === 'staff' ? { name: 'me' } : { name: 'overview', unitId: null };
}

/** Which routes a role may open at all; the server checks every record again. */
export function allowedFor(route: Route, role: Role): boolean {
  switch (route.name) {
    case 'overview':
    case 'notes':
      return role !== 'staff';
    case 'admin':
      return role === 'admin';
    default:
      return true;
  }
}

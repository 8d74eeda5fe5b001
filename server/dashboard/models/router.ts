// The dashboard's routes as data: a location (path + query) parses into one Route and a Route formats
// back into a link, so components never build URLs by hand.
import type { Role } from '../../../shared/schemas/domain.ts';

export const ADMIN_TABS = ['people', 'units', 'resources', 'settings', 'programme', 'audit'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export type Route =
  | { name: 'home' }
  | { name: 'overview'; unitId: string | null }
  | { name: 'person'; personId: string }
  | { name: 'me' }
  | { name: 'notes' }
  | { name: 'admin'; tab: AdminTab }
  | { name: 'plan'; personId: string | null }
  | { name: 'calendar' }
  | { name: 'session'; sessionId: string }
  | { name: 'check-in' }
  | { name: 'bulletin'; unitId: string | null }
  | { name: 'research' }
  | { name: 'annual'; personId: string | null }
  | { name: 'annual-summary' }
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
  const programme = parseProgrammeRoute(path);
  if (programme) return programme;
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
    case 'plan':
      return route.personId === null ? '/plan' : `/people/${encodeURIComponent(route.personId)}/plan`;
    case 'calendar':
      return '/calendar';
    case 'session':
      return `/sessions/${encodeURIComponent(route.sessionId)}`;
    case 'check-in':
      return '/check-in';
    case 'bulletin':
      return route.unitId === null ? '/bulletin' : `/units/${encodeURIComponent(route.unitId)}/bulletin`;
    case 'research':
      return '/research';
    case 'annual':
      return route.personId === null ? '/annual' : `/people/${encodeURIComponent(route.personId)}/annual`;
    case 'annual-summary':
      return '/annual/summary';
    case 'not-found':
      return '/';
  }
}

/** The learning programme's pages (plans, calendar, attendance, research, annual records). */
function parseProgrammeRoute(path: string): Route | null {
  const fixed: Record<string, Route> = {
    '/plan': { name: 'plan', personId: null },
    '/calendar': { name: 'calendar' },
    '/check-in': { name: 'check-in' },
    '/bulletin': { name: 'bulletin', unitId: null },
    '/research': { name: 'research' },
    '/annual': { name: 'annual', personId: null },
    '/annual/summary': { name: 'annual-summary' },
  };
  if (fixed[path]) return fixed[path];
  let m = new RegExp(`^/people/${ID}/plan$`).exec(path);
  if (m) return { name: 'plan', personId: m[1]! };
  m = new RegExp(`^/people/${ID}/annual$`).exec(path);
  if (m) return { name: 'annual', personId: m[1]! };
  m = new RegExp(`^/sessions/${ID}$`).exec(path);
  if (m) return { name: 'session', sessionId: m[1]! };
  m = new RegExp(`^/units/${ID}/bulletin$`).exec(path);
  if (m) return { name: 'bulletin', unitId: m[1]! };
  return null;
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
    case 'bulletin':
    case 'annual-summary':
      return role !== 'staff';
    case 'admin':
      return role === 'admin';
    default:
      return true;
  }
}

// Sets up an organisation through the public API, as an administrator would before staff sign in.
import type { Category, ResourceKind } from '../../../shared/schemas/domain.ts';

export interface ApiClient {
  readonly baseUrl: string;
  readonly token: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
}

export async function signIn(baseUrl: string, username: string, password: string): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path} failed: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  }
  return {
    baseUrl,
    token,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
  };
}

export interface Organisation {
  unitId: string;
  staff: { id: string; username: string; password: string; name: string };
  resource: { id: string; patterns: string[] };
}

/** One unit, one staff member and one designated reading resource matching `patterns`. */
export async function seedOrganisation(
  admin: ApiClient,
  opts: { patterns: string[]; category?: Category; kind?: ResourceKind },
): Promise<Organisation> {
  const unit = await admin.post<{ id: string }>('/api/units', { name: '研究室' });
  const staff = { username: 'zhang.wei', password: 'study-hard-2026', name: '张伟' };
  const person = await admin.post<{ id: string }>('/api/people', { ...staff, role: 'staff', unitId: unit.id });
  const resource = await admin.post<{ id: string }>('/api/resources', {
    name: '网上政协学习专栏',
    category: opts.category ?? 'cppcc-theory',
    kind: opts.kind ?? 'reading',
    patterns: opts.patterns,
  });
  return {
    unitId: unit.id,
    staff: { id: person.id, ...staff },
    resource: { id: resource.id, patterns: opts.patterns },
  };
}

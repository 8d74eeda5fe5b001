// The first start: an empty store gets the user `admin`, with the configured password or a generated
// one that main.ts prints once.
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store-contract.ts';
import { hashPassword } from './password.ts';

export const FIRST_ADMIN_USERNAME = 'admin';

export type FirstAdmin =
  | { created: false }
  | { created: true; username: string; password: string; generated: boolean };

export async function ensureFirstAdmin(store: Store, configuredPassword: string | null): Promise<FirstAdmin> {
  if ((await store.countUsers()) > 0) return { created: false };
  const generated = configuredPassword === null;
  const password = configuredPassword ?? randomBytes(18).toString('base64url');
  await store.createUser({
    username: FIRST_ADMIN_USERNAME,
    name: '管理员',
    role: 'admin',
    unitId: null,
    passwordHash: await hashPassword(password),
  });
  return { created: true, username: FIRST_ADMIN_USERNAME, password, generated };
}

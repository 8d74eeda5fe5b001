// Data sets for the server bench, generated straight into a store folder: an organisation with tokens,
// and a year of study (every person, every study day, a reading and a video sitting).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Category, ResourceKind } from '../../shared/schemas/domain.ts';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings.ts';
import { dateInZone, startOfDate } from '../../shared/time/zoned-days.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { newToken } from '../../server/auth/tokens.ts';
import { emptyState, encodeSnapshot } from '../../server/store/document.ts';
import { SnapshotFile } from '../../server/store/snapshot-file.ts';
import { Journal, JOURNAL_FILE_NAME, newJournalRef } from '../../server/store/journal.ts';
import { STORE_FILE_NAME } from '../../server/store/lowdb-store.ts';
import type { SegmentRecord } from '../../server/store/store-contract.ts';
import type { StoreState } from '../../server/store/state.ts';

export const TZ = 'Asia/Shanghai';
const DAY_MS = 86_400_000;

/** A small seeded generator, so every run builds the same year. */
export function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

export interface Seeded {
  dir: string;
  adminToken: string;
  rootUnitId: string;
  resources: { id: string; prefix: string }[];
  people: { id: string; token: string }[];
}

/** An organisation of `people` staff in `units` committees (10 unless told) under one office, 8 resources, tokens for all. */
export async function seedOrganisation(dir: string, people: number, withTokens: boolean, units = 10): Promise<{ state: StoreState; seeded: Seeded }> {
  const state = emptyState(TZ, DEFAULT_SETTINGS);
  const created = new Date(Date.now() - 400 * DAY_MS).toISOString();
  const passwordHash = await hashPassword('bench-password');
  const root = { id: 'office', name: '机关', parentId: null, createdAt: created };
  state.apply({ type: 'unit.put', unit: root });
  for (let u = 0; u < units; u++) state.apply({ type: 'unit.put', unit: { id: `unit${u}`, name: `委室${u}`, parentId: 'office', createdAt: created } });
  const categories: Category[] = ['political-theory', 'cppcc-theory', 'professional', 'other'];
  const resources = Array.from({ length: 8 }, (_, r) => ({ id: `res${r}`, prefix: `https://learn.example.org/r${r}/` }));
  for (const [r, res] of resources.entries()) {
    const kind: ResourceKind = r % 2 === 0 ? 'reading' : 'video';
    state.apply({
      type: 'resource.put',
      resource: { id: res.id, name: `资源${r}`, category: categories[r % 4]!, kind, patterns: [`${res.prefix}*`], active: true, createdAt: created },
      at: created,
    });
  }
  const user = (id: string, role: 'staff' | 'admin', unitId: string | null) =>
    state.apply({ type: 'user.put', user: { id, username: id, name: id, role, unitId, passwordHash, active: true, createdAt: created } });
  const token = (userId: string): string => {
    const t = newToken();
    state.apply({ type: 'token.put', token: { id: `t-${userId}`, tokenHash: t.tokenHash, userId, kind: 'device', label: 'bench', deviceId: null, createdAt: created, lastUsedAt: new Date().toISOString(), expiresAt: null } });
    return t.token;
  };
  user('admin', 'admin', null);
  const adminToken = token('admin');
  const list = [];
  for (let p = 0; p < people; p++) {
    const id = `p${String(p).padStart(4, '0')}`;
    user(id, 'staff', `unit${p % units}`);
    list.push({ id, token: withTokens ? token(id) : '' });
  }
  return { state, seeded: { dir, adminToken, rootUnitId: 'office', resources, people: list } };
}

/** Writes the store as a server that has been in use leaves it: every day's total counted (read once). */
export async function writeStore(dir: string, state: StoreState): Promise<void> {
  state.settleAll();
  const ref = newJournalRef(state.journalSeq);
  await new SnapshotFile(path.join(dir, STORE_FILE_NAME)).write(encodeSnapshot(state, ref));
  await (await Journal.create(path.join(dir, JOURNAL_FILE_NAME), ref)).close();
}

/** The most recent `count` weekdays before today, oldest first. */
function studyDays(count: number): string[] {
  const days: string[] = [];
  for (let t = Date.now() - DAY_MS; days.length < count; t -= DAY_MS) {
    const date = dateInZone(t, TZ);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(date);
  }
  return days.reverse();
}

/** A year: every person studies on every study day, a reading sitting and a video sitting (or only the reading one). */
export function addYear(state: StoreState, seeded: Seeded, studyDayCount: number, sittings: 1 | 2 = 2): number {
  const rnd = random(7);
  const days = studyDays(studyDayCount);
  let count = 0;
  for (const person of seeded.people) {
    const segments: SegmentRecord[] = [];
    for (const date of days) {
      const dayStart = startOfDate(date, TZ);
      for (const [hour, mode] of ([[9, 'reading'], [14, 'media']] as const).slice(0, sittings)) {
        const res = seeded.resources[Math.floor(rnd() * seeded.resources.length)]!;
        const page = Math.floor(rnd() * 20);
        const startMs = dayStart + hour * 3600_000 + Math.floor(rnd() * 3600_000);
        const endMs = startMs + 1200_000 + Math.floor(rnd() * 1800_000);
        segments.push({
          id: randomUUID(),
          personId: person.id,
          deviceId: rnd() < 0.8 ? 'office-pc' : 'laptop',
          resourceId: res.id,
          url: `${res.prefix}lesson-${page}`,
          title: `第${page}课`,
          startMs,
          endMs,
          mode,
          policyVersion: state.currentPolicyVersion().version,
          receivedMs: endMs + 60_000,
        });
      }
    }
    state.addSegments(segments);
    count += segments.length;
  }
  return count;
}


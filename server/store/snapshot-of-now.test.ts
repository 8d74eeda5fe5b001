// A snapshot made a line at a time while changes go on (SnapshotOfNow) holds the instant it was made:
// the same lines an undisturbed encoding of that instant holds, whatever changes come between its lines.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings.ts';
import { decodeSnapshot, emptyState, encodeSnapshot, SnapshotOfNow } from './document.ts';
import type { Op } from './ops.ts';
import { packId } from './packed-id.ts';
import type { StoreState } from './state.ts';

const TZ = 'Asia/Shanghai';
const DAY_MS = 86_400_000;
const BASE_MS = Date.parse('2026-03-02T09:00:00+08:00');
const ref = { id: 'journal-a', base: 0 };

const id = (n: number) => `0e3b6f0a-3333-4333-8333-${String(n).padStart(12, '0')}`;
let nextId = 0;

function syncOp(personId: string, day: number, segments = 2): Op {
  return {
    type: 'sync',
    personId,
    deviceId: `device-${personId}`,
    receivedMs: BASE_MS + day * DAY_MS + 7200_000,
    segments: Array.from({ length: segments }, (_, i) => {
      const startMs = BASE_MS + day * DAY_MS + i * 600_000;
      return [packId(id(nextId++)), 'res1', `https://learn.example.org/${personId}/${i}`, `第${i}页`, startMs, startMs + 300_000, 'reading', 0] as const;
    }),
    refused: [],
    notes: [],
  } as Op;
}

/** Ten people with a few days each, then a read of some of them (recounted) and not others (stale days). */
function stateWithPeople(): StoreState {
  // The same ids every time, and none of them again in the changes that follow.
  nextId = 0;
  const state = emptyState(TZ, DEFAULT_SETTINGS);
  for (let p = 0; p < 10; p++) for (let day = 0; day < 3; day++) state.apply(syncOp(`p${p}`, day));
  for (let p = 0; p < 5; p++) state.daysOf(`p${p}`);
  nextId = 1000;
  return state;
}

/** Writes `snapshot` as a writer would, calling `between(n)` after its n-th line. */
function drain(snapshot: Iterable<string>, between: (n: number) => void): string[] {
  const lines: string[] = [];
  for (const line of snapshot) {
    lines.push(line);
    between(lines.length);
  }
  return lines;
}

/** The head, then the people's lines in any order. */
const asWritten = (lines: string[]) => [lines[0], [...lines.slice(1)].sort()];

describe('a snapshot made a line at a time (SnapshotOfNow)', () => {
  it('holds the instant it was made though syncs reach people written and not yet written', () => {
    const state = stateWithPeople();
    const instant = [...encodeSnapshot(stateWithPeople(), ref)];
    const snapshot = new SnapshotOfNow(state, ref);
    const lines = drain(snapshot, (n) => {
      // Every line written, a change: to someone written, someone not yet, a new person, everyone in turn.
      for (const op of [syncOp(`p${n % 10}`, 10 + n), syncOp(`p${(n + 5) % 10}`, 20 + n), syncOp(`new${n}`, 1), syncOp(`p${(n + 3) % 10}`, -5)]) {
        snapshot.beforeApply(op);
        state.apply(op);
      }
      // Read as a report would: days recounted (a new list), rows put in order of start (moved in place).
      for (const p of [n % 10, (n + 3) % 10, (n + 5) % 10]) {
        state.daysOf(`p${p}`);
        state.people.get(`p${p}`)!.segments.sortByStart();
      }
    });
    expect(asWritten(lines)).toEqual(asWritten(instant));
    expect(snapshot.chars).toBe(lines.reduce((sum, line) => sum + line.length + 1, 0));
    // The file it makes reads back as that instant.
    const decoded = decodeSnapshot('studytrail.json', lines, TZ).state;
    expect(decoded.people.size).toBe(10);
    expect(decoded.daysOf('p7')).toEqual(stateWithPeople().daysOf('p7'));
  });

  it('holds a person erased, and the rows a fold drops, as they were at the instant', () => {
    const state = stateWithPeople();
    const instant = [...encodeSnapshot(stateWithPeople(), ref)];
    const snapshot = new SnapshotOfNow(state, ref);
    const lines = drain(snapshot, (n) => {
      const ops: Op[] = n === 2 ? [{ type: 'person.erase', personId: 'p9' }] : n === 3 ? [{ type: 'fold', beforeMs: BASE_MS + 2 * DAY_MS }] : [];
      for (const op of ops) {
        snapshot.beforeApply(op);
        state.apply(op);
      }
    });
    expect(state.people.has('p9')).toBe(false);
    expect(asWritten(lines)).toEqual(asWritten(instant));
  });

  it('holds the stale days as they were when a settings change comes before their line is written', () => {
    const state = stateWithPeople();
    const instant = [...encodeSnapshot(stateWithPeople(), ref)];
    const snapshot = new SnapshotOfNow(state, ref);
    const lines = drain(snapshot, (n) => {
      if (n !== 1) return;
      const op: Op = { type: 'settings.put', settings: { ...DEFAULT_SETTINGS, dailyCapSeconds: 60 }, at: new Date(BASE_MS).toISOString() };
      snapshot.beforeApply(op);
      state.apply(op);
      for (let p = 0; p < 10; p++) state.daysOf(`p${p}`);
    });
    expect(asWritten(lines)).toEqual(asWritten(instant));
  });
});

// The snapshot adapter reads a file a megabyte at a time: lines that cross a chunk's end, or span
// several chunks, come out whole, multi-byte characters cut by a chunk's end included.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readSnapshotNow, SnapshotFile } from './snapshot-file.ts';

const MB = 1024 * 1024;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'studytrail-snapshot-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Lines placed so chunk ends (every 1 MB) fall inside them, inside a three-byte character, and right after a break. */
function awkwardLines(): string[] {
  const lines = ['head', 'x'.repeat(MB - 10), '学'.repeat(200), 'y'.repeat(3 * MB + 5), 'short'];
  // The next line break lands exactly at a chunk's last byte.
  const used = lines.reduce((sum, l) => sum + Buffer.byteLength(l) + 1, 0);
  lines.push('z'.repeat(5 * MB - used - 1), 'after the boundary');
  return lines;
}

it.each([true, false])('reads back every line written, with and without a last line break (%s)', async (lastBreak) => {
  const file = path.join(dir, 'studytrail.json');
  const lines = awkwardLines();
  await writeFile(file, lines.join('\n') + (lastBreak ? '\n' : ''));
  const read = (await new SnapshotFile(file).read())!;
  expect([...read]).toEqual(lines);
  // Each reading starts at the top again.
  expect([...read]).toEqual(lines);
  expect([...(await readSnapshotNow(file))!]).toEqual(lines);
});

it('writes lines that read back the same', async () => {
  const file = path.join(dir, 'studytrail.json');
  const lines = awkwardLines();
  await new SnapshotFile(file).write(lines);
  expect([...(await new SnapshotFile(file).read())!]).toEqual(lines);
});

it('has no lines to give when there is no file', async () => {
  expect(await new SnapshotFile(path.join(dir, 'none.json')).read()).toBeNull();
  expect(await readSnapshotNow(path.join(dir, 'none.json'))).toBeNull();
});

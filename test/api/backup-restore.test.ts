// `npm run backup` copies the store consistently while a server runs under sync load, and
// `npm run restore` brings that copy back: every segment acknowledged before the backup began is there.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { runCli, seedLoadOrg, startSyncLoad, storedSegmentIds } from '../support/sync-load.ts';

const ADMIN_PASSWORD = 'backup-admin-password';
const dirs: string[] = [];
const servers: ServerProcess[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'studytrail-backup-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('backup and restore', () => {
  it('backs up a running server under load and restores every record acknowledged before the backup', { timeout: 60_000 }, async () => {
    const dataDir = await tempDir();
    const server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    servers.push(server);
    const org = await seedLoadOrg(server.url, ADMIN_PASSWORD, 4);
    const load = startSyncLoad(server.url, org);
    await new Promise((resolve) => setTimeout(resolve, 400));

    const ackedBefore = new Set(load.acked);
    const backupDir = await tempDir();
    const backup = await runCli('backup', [backupDir], { STUDYTRAIL_DATA_DIR: dataDir });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^Backup written: .*studytrail-backup-\d{8}T\d{6}Z\.json \(\d+ bytes, up to change \d+\)\n$/);
    await load.stop();
    expect(ackedBefore.size).toBeGreaterThan(0);

    // Restoring into the folder of a running server is refused.
    const [file] = await readdir(backupDir);
    const busy = await runCli('restore', [path.join(backupDir, file!)], { STUDYTRAIL_DATA_DIR: dataDir });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('is using this data folder');

    const restoredDir = await tempDir();
    const restore = await runCli('restore', [path.join(backupDir, file!)], { STUDYTRAIL_DATA_DIR: restoredDir });
    expect(restore.code, restore.stderr).toBe(0);
    const restored = await startServerProcess({ dataDir: restoredDir });
    servers.push(restored);
    const stored = await storedSegmentIds(restored.url, org, org.adminToken);
    const missing = [...ackedBefore].filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    // The original server holds at least as much (it went on taking the load).
    expect((await storedSegmentIds(server.url, org, org.adminToken)).size).toBeGreaterThanOrEqual(stored.size);
  });

  it('keeps the replaced store aside and refuses to overwrite a backup', async () => {
    const dataDir = await tempDir();
    const server = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
    servers.push(server);
    const backupFile = path.join(await tempDir(), 'copy.json');
    expect((await runCli('backup', [backupFile], { STUDYTRAIL_DATA_DIR: dataDir })).code).toBe(0);
    const again = await runCli('backup', [backupFile], { STUDYTRAIL_DATA_DIR: dataDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(await server.stop()).toBe(0);
    servers.length = 0;
    const restore = await runCli('restore', [backupFile], { STUDYTRAIL_DATA_DIR: dataDir });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/Previous file kept as .*studytrail\.json\.before-restore-/);
    expect((await readdir(dataDir)).filter((f) => f.includes('before-restore')).length).toBe(2);
    const back = await startServerProcess({ dataDir });
    servers.push(back);
    expect((await fetch(`${back.url}/api/health`)).status).toBe(200);
  });

  it('speaks Chinese where the locale names no English', async () => {
    const zh = { LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' };
    const usage = await runCli('backup', [], zh);
    expect(usage).toMatchObject({ code: 2, stderr: '用法：npm run backup -- <文件或文件夹>\n' });
    const badZone = await runCli('restore', ['x.json'], { ...zh, STUDYTRAIL_TZ: 'Nowhere/City' });
    expect(badZone.code).toBe(1);
    expect(badZone.stderr).toBe('配置有误\n  STUDYTRAIL_TZ：“Nowhere/City”不是 IANA 时区（例如 Asia/Shanghai）\n');
    const dataDir = await tempDir();
    const server = await startServerProcess({ dataDir });
    servers.push(server);
    const backup = await runCli('backup', [path.join(await tempDir(), 'copy.json')], { ...zh, STUDYTRAIL_DATA_DIR: dataDir });
    expect(backup.stdout).toMatch(/^备份已写入：.*copy\.json（\d+ 字节，截至第 \d+ 次更改）\n$/);
    const busy = await runCli('restore', [path.join(dataDir, 'none.json')], { ...zh, STUDYTRAIL_DATA_DIR: dataDir });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/^恢复失败：存储文件 .*studytrail\.lock 表明进程 \d+ 正在使用这个数据文件夹：请先停止那个服务器.*存储文件未被改动。\n$/);
    expect(await server.stop()).toBe(0);
    servers.length = 0;
    const missing = await runCli('restore', [path.join(dataDir, 'none.json')], { ...zh, STUDYTRAIL_DATA_DIR: dataDir });
    expect(missing.stderr).toBe(`恢复失败：${path.join(dataDir, 'none.json')} 不存在\n`);
  });
});

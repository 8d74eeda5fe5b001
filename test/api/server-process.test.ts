// The real entry, server/main.ts, run as `npm start` runs it (its bundle, in a child process): what it
// prints, the first admin, a restart on the same data, graceful stop, and refusing bad configuration or
// a corrupt store.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_FILE_NAME } from '../../server/store/lowdb-store.ts';
import { unitSchema } from '../../shared/schemas/organisation.ts';
import { apiClient, expectData } from '../support/api-client.ts';
import { SERVER_ARGS, startServerProcess, type ServerProcess } from '../support/server-process.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

let dataDir: string;
let running: ServerProcess | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'studytrail-process-'));
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function signIn(url: string, password: string): Promise<string> {
  const res = await apiClient(url).post('/api/auth/login', { username: 'admin', password });
  expect(res.status).toBe(200);
  return (res.body as { token: string }).token;
}

describe('server/main.ts', () => {
  it('is started by these tests exactly as `npm start` starts it', async () => {
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(`npm run build && node ${SERVER_ARGS.join(' ')}`);
  });

  it('prints the startup lines and a generated admin password once; data survives a restart', async () => {
    running = await startServerProcess({ dataDir });
    const { url, adminPassword } = running;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(adminPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(running.stdout.trimEnd().split('\n')).toEqual([
      `StudyTrail server listening on ${url}`,
      `Dashboard: ${url}/`,
      `Extension (load unpacked): ${path.join(REPO_ROOT, '.output', 'chrome-mv3')}`,
      'Admin user: admin',
      `Admin password (shown once): ${adminPassword}`,
    ]);

    const token = await signIn(url, adminPassword!);
    const unit = expectData(await apiClient(url).post('/api/units', { name: '持久 Durable' }, token), unitSchema, 201);
    expect(await running.stop()).toBe(0);

    running = await startServerProcess({ dataDir });
    expect(running.adminPassword).toBeNull();
    expect(running.stdout).not.toContain('Admin');
    const again = await signIn(running.url, adminPassword!);
    const units = await apiClient(running.url).get('/api/units', again);
    expect(units.body).toContainEqual(unit);
  });

  it('uses STUDYTRAIL_ADMIN_PASSWORD without printing it', async () => {
    const password = 'configured-password';
    running = await startServerProcess({ dataDir, env: { STUDYTRAIL_ADMIN_PASSWORD: password } });
    expect(running.stdout).toContain('Admin password: from STUDYTRAIL_ADMIN_PASSWORD\n');
    expect(running.stdout).not.toContain(password);
    expect(running.adminPassword).toBe(password);
    await signIn(running.url, password);
  });

  it('speaks Chinese to whoever starts it on a machine whose locale names no English', async () => {
    running = await startServerProcess({ dataDir, env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' } });
    const { url, adminPassword } = running;
    expect(running.stdout.trimEnd().split('\n')).toEqual([
      `学迹服务器已在 ${url} 上运行`,
      `管理后台：${url}/`,
      `浏览器扩展（加载已解压的扩展程序）：${path.join(REPO_ROOT, '.output', 'chrome-mv3')}`,
      '管理员账号：admin',
      `管理员密码（仅显示这一次）：${adminPassword}`,
    ]);
    await running.stop();
    running = undefined;
    await expect(startServerProcess({ dataDir, env: { LC_ALL: '', LC_MESSAGES: '', LANG: '', STUDYTRAIL_TZ: 'Nowhere/City' } })).rejects.toThrow(
      /学迹服务器无法启动：配置有误\n {2}STUDYTRAIL_TZ：“Nowhere\/City”不是 IANA 时区/,
    );
  });

  it('refuses invalid configuration, naming the variable', async () => {
    await expect(startServerProcess({ dataDir, env: { STUDYTRAIL_TZ: 'Nowhere/City' } })).rejects.toThrow(
      /exited with code 1[\s\S]*STUDYTRAIL_TZ: "Nowhere\/City" is not an IANA time zone/,
    );
  });

  it('refuses a corrupt store, naming the file and leaving it untouched', async () => {
    const file = path.join(dataDir, STORE_FILE_NAME);
    await writeFile(file, '{"schemaVersion":1,');
    await expect(startServerProcess({ dataDir })).rejects.toThrow(`The store file ${file} is not valid JSON`);
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion":1,');
  });
});

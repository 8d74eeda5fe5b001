import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

const CWD = '/srv/studytrail';

/** The problems, worded in English (LC_ALL) unless the env given sets the locale itself. */
function errorsOf(env: Record<string, string>): string[] {
  const result = parseConfig({ LC_ALL: 'en_US.UTF-8', ...env }, CWD);
  if (result.ok) throw new Error('expected a configuration error');
  return result.errors;
}

describe('parseConfig', () => {
  it('uses the contract defaults when nothing is set', () => {
    expect(parseConfig({}, CWD)).toEqual({
      ok: true,
      config: {
        port: 8787,
        host: '127.0.0.1',
        dataDir: '/srv/studytrail/data',
        adminPassword: null,
        timeZone: 'Asia/Shanghai',
        trustProxy: false,
        publicUrl: null,
        databaseUrl: null,
      },
    });
  });

  it('treats empty variables as unset', () => {
    const result = parseConfig({ PORT: '', HOST: ' ', STUDYTRAIL_TZ: '', STUDYTRAIL_ADMIN_PASSWORD: '' }, CWD);
    expect(result.ok && result.config.port).toBe(8787);
    expect(result.ok && result.config.adminPassword).toBeNull();
  });

  it('reads every variable', () => {
    const result = parseConfig(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        STUDYTRAIL_DATA_DIR: '/var/lib/st',
        STUDYTRAIL_ADMIN_PASSWORD: 'long enough',
        STUDYTRAIL_TZ: 'Europe/Berlin',
        STUDYTRAIL_TRUST_PROXY: 'true',
        STUDYTRAIL_PUBLIC_URL: 'https://studytrail.example.org/',
        STUDYTRAIL_DATABASE_URL: 'postgres://studytrail:secret@db.example.org:5432/studytrail',
      },
      CWD,
    );
    expect(result).toEqual({
      ok: true,
      config: {
        port: 9000,
        host: '0.0.0.0',
        dataDir: '/var/lib/st',
        adminPassword: 'long enough',
        timeZone: 'Europe/Berlin',
        trustProxy: true,
        publicUrl: 'https://studytrail.example.org',
        databaseUrl: 'postgres://studytrail:secret@db.example.org:5432/studytrail',
      },
    });
  });

  it('resolves a relative data folder against the working directory', () => {
    const result = parseConfig({ STUDYTRAIL_DATA_DIR: 'store' }, CWD);
    expect(result.ok && result.config.dataDir).toBe('/srv/studytrail/store');
  });

  it('accepts PORT=0 to pick a free port', () => {
    const result = parseConfig({ PORT: '0' }, CWD);
    expect(result.ok && result.config.port).toBe(0);
  });

  it.each(['abc', '-1', '65536', '80.5', '1e3'])('rejects PORT=%s naming the variable', (port) => {
    const errors = errorsOf({ PORT: port });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^PORT: /);
  });

  it('rejects a HOST with spaces or slashes', () => {
    expect(errorsOf({ HOST: 'http://x' })[0]).toMatch(/^HOST: /);
  });

  it('rejects an admin password shorter than 8 characters', () => {
    expect(errorsOf({ STUDYTRAIL_ADMIN_PASSWORD: 'short' })).toEqual(['STUDYTRAIL_ADMIN_PASSWORD: a password has 8 to 256 characters']);
  });

  it('rejects an unknown time zone', () => {
    expect(errorsOf({ STUDYTRAIL_TZ: 'Mars/Olympus' })[0]).toMatch(/^STUDYTRAIL_TZ: "Mars\/Olympus" is not an IANA time zone/);
  });

  it.each([
    ['1', true],
    ['yes', true],
    ['ON', true],
    ['0', false],
    ['off', false],
    ['False', false],
  ])('reads STUDYTRAIL_TRUST_PROXY=%s as %s', (value, expected) => {
    const result = parseConfig({ STUDYTRAIL_TRUST_PROXY: value }, CWD);
    expect(result.ok && result.config.trustProxy).toBe(expected);
  });

  it('rejects a STUDYTRAIL_TRUST_PROXY that is not a yes or a no', () => {
    expect(errorsOf({ STUDYTRAIL_TRUST_PROXY: 'maybe' })[0]).toMatch(/^STUDYTRAIL_TRUST_PROXY: "maybe"/);
  });

  it('keeps a path under which the server is published, without the trailing slash', () => {
    const result = parseConfig({ STUDYTRAIL_PUBLIC_URL: 'https://intranet.example.org/studytrail/' }, CWD);
    expect(result.ok && result.config.publicUrl).toBe('https://intranet.example.org/studytrail');
  });

  it.each(['studytrail.example.org', 'ftp://x.example.org', 'https://x.example.org/?a=1'])('rejects STUDYTRAIL_PUBLIC_URL=%s', (value) => {
    expect(errorsOf({ STUDYTRAIL_PUBLIC_URL: value })[0]).toMatch(/^STUDYTRAIL_PUBLIC_URL: /);
  });

  it.each(['mysql://db.example.org/st', 'db.example.org:5432', 'postgres://st:pass word@[bad/st'])('rejects STUDYTRAIL_DATABASE_URL=%s without repeating it (it may hold a password)', (value) => {
    const [error] = errorsOf({ STUDYTRAIL_DATABASE_URL: value });
    expect(error).toMatch(/^STUDYTRAIL_DATABASE_URL: not a PostgreSQL URL such as postgres:\/\//);
    expect(error).not.toContain(value);
  });

  it('accepts postgresql:// as well as postgres://', () => {
    const result = parseConfig({ STUDYTRAIL_DATABASE_URL: 'postgresql://st@127.0.0.1/st' }, CWD);
    expect(result.ok && result.config.databaseUrl).toBe('postgresql://st@127.0.0.1/st');
  });

  it('reports every problem at once', () => {
    expect(errorsOf({ PORT: 'x', STUDYTRAIL_TZ: 'nowhere', STUDYTRAIL_ADMIN_PASSWORD: '1' }).map((e) => e.split(':')[0])).toEqual([
      'PORT',
      'STUDYTRAIL_ADMIN_PASSWORD',
      'STUDYTRAIL_TZ',
    ]);
  });

  it('words its problems in Chinese when the locale names no English, as on a machine with no locale set', () => {
    for (const locale of [{}, { LANG: 'zh_CN.UTF-8' }, { LANG: 'C.UTF-8' }, { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }]) {
      const result = parseConfig({ ...locale, STUDYTRAIL_TZ: 'Mars/Olympus', STUDYTRAIL_ADMIN_PASSWORD: 'short' }, CWD);
      expect(result).toEqual({
        ok: false,
        errors: ['STUDYTRAIL_ADMIN_PASSWORD：密码须为 8–256 个字符', 'STUDYTRAIL_TZ：“Mars/Olympus”不是 IANA 时区（例如 Asia/Shanghai）'],
      });
    }
  });
});

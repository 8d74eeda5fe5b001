// Server configuration: the only module that reads process.env. Parsing is pure and returns every
// problem at once, so a misconfigured start names each bad variable before exiting.
import path from 'node:path';
import { PASSWORD_LENGTH, passwordSchema } from '../shared/schemas/organisation.ts';
import { isValidTimeZone } from '../shared/time/zoned-days.ts';
import { consoleLocale, consoleText, type ConsoleLocale } from './console/console-text.ts';

export interface ServerConfig {
  /** 0 asks the OS for a free port (tests). */
  port: number;
  host: string;
  /** Absolute path of the folder holding the embedded store. */
  dataDir: string;
  /** Password for the first admin; null means generate one on first start. */
  adminPassword: string | null;
  timeZone: string;
  /**
   * Behind a reverse proxy: take the client's address and scheme from X-Forwarded-For/-Proto.
   * Off by default, because anyone can send those headers to a server that faces the network itself.
   */
  trustProxy: boolean;
  /** The address people reach the server at (e.g. https://studytrail.example.org); null: as each request says. */
  publicUrl: string | null;
  /** postgres://… to keep everything in PostgreSQL; null: the embedded store in dataDir. */
  databaseUrl: string | null;
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; errors: string[] };

export const CONFIG_DEFAULTS = {
  port: 8787,
  host: '127.0.0.1',
  dataDir: './data',
  timeZone: 'Asia/Shanghai',
  trustProxy: false,
} as const;

const BOOLEAN_WORDS: Record<string, boolean> = { '1': true, true: true, yes: true, on: true, '0': false, false: false, no: false, off: false };

type Env = Readonly<Record<string, string | undefined>>;

/** Empty strings count as unset: `PORT= npm start` should mean the default, not an error. */
function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** Problems are worded in the locale of `env` (console/console-text.ts): they are printed to whoever started the server. */
export function parseConfig(env: Env, cwd: string = process.cwd()): ConfigResult {
  const errors: string[] = [];
  const text = consoleText(consoleLocale(env));

  let port: number = CONFIG_DEFAULTS.port;
  const rawPort = read(env, 'PORT');
  if (rawPort !== undefined) {
    const trimmed = rawPort.trim();
    if (!/^\d{1,5}$/.test(trimmed) || Number(trimmed) > 65535) {
      errors.push(text.portInvalid(rawPort));
    } else {
      port = Number(trimmed);
    }
  }

  const host = read(env, 'HOST')?.trim() ?? CONFIG_DEFAULTS.host;
  if (/\s|\//.test(host)) errors.push(text.hostInvalid(host));

  const dataDir = path.resolve(cwd, read(env, 'STUDYTRAIL_DATA_DIR') ?? CONFIG_DEFAULTS.dataDir);

  let adminPassword: string | null = null;
  // The password is taken verbatim (not trimmed): spaces may be part of it.
  const rawPassword = env.STUDYTRAIL_ADMIN_PASSWORD;
  if (rawPassword !== undefined && rawPassword !== '') {
    const checked = passwordSchema.safeParse(rawPassword);
    if (checked.success) adminPassword = rawPassword;
    else errors.push(text.adminPasswordLength(PASSWORD_LENGTH.min, PASSWORD_LENGTH.max));
  }

  const timeZone = read(env, 'STUDYTRAIL_TZ')?.trim() ?? CONFIG_DEFAULTS.timeZone;
  if (!isValidTimeZone(timeZone)) {
    errors.push(text.timeZoneInvalid(timeZone));
  }

  let trustProxy: boolean = CONFIG_DEFAULTS.trustProxy;
  const rawTrust = read(env, 'STUDYTRAIL_TRUST_PROXY');
  if (rawTrust !== undefined) {
    const value = BOOLEAN_WORDS[rawTrust.trim().toLowerCase()];
    if (value === undefined) errors.push(text.trustProxyInvalid(rawTrust));
    else trustProxy = value;
  }

  let publicUrl: string | null = null;
  const rawPublicUrl = read(env, 'STUDYTRAIL_PUBLIC_URL')?.trim();
  if (rawPublicUrl !== undefined) {
    const url = URL.canParse(rawPublicUrl) ? new URL(rawPublicUrl) : null;
    if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search !== '' || url.hash !== '') {
      errors.push(text.publicUrlInvalid(rawPublicUrl));
    } else {
      publicUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    }
  }

  let databaseUrl: string | null = null;
  const rawDatabaseUrl = read(env, 'STUDYTRAIL_DATABASE_URL')?.trim();
  if (rawDatabaseUrl !== undefined) {
    const url = URL.canParse(rawDatabaseUrl) ? new URL(rawDatabaseUrl) : null;
    if (url === null || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
      // The value may hold a password: the message names the variable, not what it was set to.
      errors.push(text.databaseUrlInvalid);
    } else {
      databaseUrl = rawDatabaseUrl;
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, config: { port, host, dataDir, adminPassword, timeZone, trustProxy, publicUrl, databaseUrl } };
}

/** The language of what this process prints: read apart from the rest, as a bad configuration is worded in it. */
export function consoleLocaleOfProcess(): ConsoleLocale {
  return consoleLocale(process.env);
}

/** The configuration of this process, from its environment. */
export function configFromProcessEnv(): ConfigResult {
  return parseConfig(process.env);
}

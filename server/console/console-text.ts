// What the server and its commands (npm start, backup, restore, migrate-store) print for the person who
// runs them, in zh-CN (the product's language) or English. The language follows the process's locale the
// way command-line tools do (LC_ALL, then LC_MESSAGES, then LANG): English when it names English,
// Chinese otherwise, so an office machine without a locale set speaks the product's default language.
// Technical details inside a message (a system error, a file name) stay as the system gave them.

export type ConsoleLocale = 'zh-CN' | 'en';

type Env = Readonly<Record<string, string | undefined>>;

export function consoleLocale(env: Env): ConsoleLocale {
  const setting = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value.trim() !== '');
  return setting !== undefined && /^en([_.@-]|$)/i.test(setting.trim()) ? 'en' : 'zh-CN';
}

export interface ConsoleText {
  listening: (origin: string) => string;
  dashboard: (url: string) => string;
  extensionFolder: (folder: string) => string;
  adminUser: (username: string) => string;
  adminPasswordShownOnce: (password: string) => string;
  adminPasswordFromEnv: string;
  cannotStart: (why: string) => string;
  invalidConfiguration: (errors: readonly string[]) => string;
  portInUse: (port: number, host: string) => string;
  stopping: (signal: string) => string;
  flushFailed: (why: string) => string;
  maintenanceFailed: (why: string) => string;

  portInvalid: (value: string) => string;
  hostInvalid: (value: string) => string;
  adminPasswordLength: (min: number, max: number) => string;
  timeZoneInvalid: (value: string) => string;
  trustProxyInvalid: (value: string) => string;
  publicUrlInvalid: (value: string) => string;
  databaseUrlInvalid: string;

  backupUsage: string;
  backupWritten: (file: string, bytes: number, change: number) => string;
  backupFailed: (why: string) => string;
  restoreUsage: string;
  restored: (file: string, dataDir: string, change: number) => string;
  keptAside: (file: string) => string;
  restoreFailed: (why: string) => string;
  migrateUsage: string;
  migrateCopied: (dataDir: string, target: string, timeZone: string) => string;
  migrateChecked: (people: number) => string;
  migrateNext: string;
  migrateFailed: (why: string) => string;
  copyFailed: (why: string) => string;
}

const zhCN: ConsoleText = {
  listening: (origin) => `学迹服务器已在 ${origin} 上运行`,
  dashboard: (url) => `管理后台：${url}`,
  extensionFolder: (folder) => `浏览器扩展（加载已解压的扩展程序）：${folder}`,
  adminUser: (username) => `管理员账号：${username}`,
  adminPasswordShownOnce: (password) => `管理员密码（仅显示这一次）：${password}`,
  adminPasswordFromEnv: '管理员密码：取自 STUDYTRAIL_ADMIN_PASSWORD',
  cannotStart: (why) => `学迹服务器无法启动：${why}`,
  invalidConfiguration: (errors) => `配置有误\n  ${errors.join('\n  ')}`,
  portInUse: (port, host) => `PORT：${host} 上的端口 ${port} 已被占用`,
  stopping: (signal) => `收到 ${signal}，正在停止`,
  flushFailed: (why) => `未能把数据全部写入存储：${why}`,
  maintenanceFailed: (why) => `存储维护失败：${why}`,

  portInvalid: (value) => `PORT：“${value}”不是端口号（0–65535；0 表示自动选一个空闲端口）`,
  hostInvalid: (value) => `HOST：“${value}”不是主机名或 IP 地址`,
  adminPasswordLength: (min, max) => `STUDYTRAIL_ADMIN_PASSWORD：密码须为 ${min}–${max} 个字符`,
  timeZoneInvalid: (value) => `STUDYTRAIL_TZ：“${value}”不是 IANA 时区（例如 Asia/Shanghai）`,
  trustProxyInvalid: (value) => `STUDYTRAIL_TRUST_PROXY：“${value}”不是 true、false、1、0、yes、no、on、off 之一`,
  publicUrlInvalid: (value) => `STUDYTRAIL_PUBLIC_URL：“${value}”不是 http(s) 地址，例如 https://studytrail.example.org`,
  databaseUrlInvalid: 'STUDYTRAIL_DATABASE_URL：不是 PostgreSQL 地址，例如 postgres://studytrail@127.0.0.1:5432/studytrail',

  backupUsage: '用法：npm run backup -- <文件或文件夹>',
  backupWritten: (file, bytes, change) => `备份已写入：${file}（${bytes} 字节，截至第 ${change} 次更改）`,
  backupFailed: (why) => `备份失败：${why}`,
  restoreUsage: '用法：npm run restore -- <备份文件>',
  restored: (file, dataDir, change) => `已用 ${file} 恢复 ${dataDir}（截至第 ${change} 次更改）`,
  keptAside: (file) => `原来的文件保留为 ${file}`,
  restoreFailed: (why) => `恢复失败：${why}`,
  migrateUsage: '用法：npm run migrate-store -- --to postgres://用户:密码@主机:5432/数据库',
  migrateCopied: (dataDir, target, timeZone) => `已把 ${dataDir} 中的内置存储复制到 ${target}（时区 ${timeZone}）：`,
  migrateChecked: (people) =>
    `已核对：两边每类记录的条数相同，${people} 人每人的每日合计、学习时段、被拒时段和笔记数经两个存储读出都一致。`,
  migrateNext: '下一步：把 STUDYTRAIL_DATABASE_URL 设为这个数据库后启动服务器。数据文件夹保持原样。',
  migrateFailed: (why) => `迁移存储（migrate-store）失败：${why}`,
  copyFailed: (why) => `复制失败：${why}`,
};

const en: ConsoleText = {
  listening: (origin) => `StudyTrail server listening on ${origin}`,
  dashboard: (url) => `Dashboard: ${url}`,
  extensionFolder: (folder) => `Extension (load unpacked): ${folder}`,
  adminUser: (username) => `Admin user: ${username}`,
  adminPasswordShownOnce: (password) => `Admin password (shown once): ${password}`,
  adminPasswordFromEnv: 'Admin password: from STUDYTRAIL_ADMIN_PASSWORD',
  cannotStart: (why) => `StudyTrail server cannot start: ${why}`,
  invalidConfiguration: (errors) => `Invalid configuration\n  ${errors.join('\n  ')}`,
  portInUse: (port, host) => `PORT: ${port} is already in use on ${host}`,
  stopping: (signal) => `Received ${signal}, stopping`,
  flushFailed: (why) => `Could not flush the store: ${why}`,
  maintenanceFailed: (why) => `Store maintenance failed: ${why}`,

  portInvalid: (value) => `PORT: "${value}" is not a port number (0-65535; 0 picks a free port)`,
  hostInvalid: (value) => `HOST: "${value}" is not a host name or IP address`,
  adminPasswordLength: (min, max) => `STUDYTRAIL_ADMIN_PASSWORD: a password has ${min} to ${max} characters`,
  timeZoneInvalid: (value) => `STUDYTRAIL_TZ: "${value}" is not an IANA time zone (for example Asia/Shanghai)`,
  trustProxyInvalid: (value) => `STUDYTRAIL_TRUST_PROXY: "${value}" is not one of true, false, 1, 0, yes, no, on, off`,
  publicUrlInvalid: (value) => `STUDYTRAIL_PUBLIC_URL: "${value}" is not an http(s) address such as https://studytrail.example.org`,
  databaseUrlInvalid: 'STUDYTRAIL_DATABASE_URL: not a PostgreSQL URL such as postgres://studytrail@127.0.0.1:5432/studytrail',

  backupUsage: 'Usage: npm run backup -- <file or folder>',
  backupWritten: (file, bytes, change) => `Backup written: ${file} (${bytes} bytes, up to change ${change})`,
  backupFailed: (why) => `Backup failed: ${why}`,
  restoreUsage: 'Usage: npm run restore -- <backup file>',
  restored: (file, dataDir, change) => `Restored ${file} into ${dataDir} (up to change ${change})`,
  keptAside: (file) => `Previous file kept as ${file}`,
  restoreFailed: (why) => `Restore failed: ${why}`,
  migrateUsage: 'Usage: npm run migrate-store -- --to postgres://user:password@host:5432/database',
  migrateCopied: (dataDir, target, timeZone) => `Copied the embedded store in ${dataDir} to ${target} (time zone ${timeZone}):`,
  migrateChecked: (people) =>
    `Checked: the same number of rows of each kind on both sides, and each of ${people} people's day totals, segments, refused segments and note count read the same through both stores.`,
  migrateNext: 'Next: start the servers with STUDYTRAIL_DATABASE_URL set to this database. The data folder is left as it was.',
  migrateFailed: (why) => `migrate-store: ${why}`,
  copyFailed: (why) => `the copy failed: ${why}`,
};

const CATALOGUES: Record<ConsoleLocale, ConsoleText> = { 'zh-CN': zhCN, en };

export function consoleText(locale: ConsoleLocale): ConsoleText {
  return CATALOGUES[locale];
}

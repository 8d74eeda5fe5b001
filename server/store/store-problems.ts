// Why a store cannot open or copy, as data, and its wording in zh-CN and en. The store throws the
// problem; whoever prints it (server/main.ts, the commands in server/cli/) words it in the locale of the
// person who started them. An error's own `message` is the English wording, for logs and tests.
// Details the system gave (a JSON parser's complaint, a driver's error) are kept as they came.
import type { ConsoleLocale } from '../console/console-text.ts';

/** A store error worded in either language; its `message` is the English one. */
export abstract class WordedStoreError extends Error {
  abstract wordedIn(locale: ConsoleLocale): string;
}

/** What is wrong with a store file. */
export type StoreFileProblem =
  | { kind: 'other-zone'; stored: string; configured: string }
  | { kind: 'not-a-store'; detail: string }
  | { kind: 'damaged-line'; line: number; detail: string }
  | { kind: 'not-json'; line: number | null; detail: string }
  | { kind: 'newer-schema'; version: number; supported: number }
  | { kind: 'in-use'; pid: number }
  | { kind: 'lock-not-created' }
  | { kind: 'no-header' }
  | { kind: 'changed-while-read' }
  /** The snapshot names journal `journalId` (the changes after `base`), and no such file exists. */
  | { kind: 'journal-missing'; snapshotFile: string; journalId: string; base: number }
  /** The journal found is another one (`foundId`, from `foundBase`) than the snapshot names. */
  | { kind: 'journal-other'; snapshotFile: string; journalId: string; base: number; foundId: string | null; foundBase: number }
  /** The named journal starts after `foundBase`, not after `base` as the snapshot says. */
  | { kind: 'journal-misplaced'; snapshotFile: string; journalId: string; base: number; foundBase: number }
  | { kind: 'journal-ahead'; snapshotFile: string; journalBase: number; snapshotSeq: number };

/**
 * What to do about it. Never "move it away": the server would then start from the snapshot alone (or
 * empty) and silently drop what the journal held (issue 18).
 */
export type StoreFileAdvice = 'restore-backup' | 'files-untouched' | 'run-newer' | 'restore-older-backup';

/** The advice a problem takes unless the caller knows better (a damaged backup is not the live store). */
export function adviceFor(problem: StoreFileProblem): StoreFileAdvice {
  switch (problem.kind) {
    case 'other-zone':
    case 'in-use':
    case 'lock-not-created':
      return 'files-untouched';
    case 'newer-schema':
      return 'run-newer';
    default:
      return 'restore-backup';
  }
}

/** Why the configured PostgreSQL database cannot be used. `url` is shown without its password. */
export type StoreDatabaseProblem =
  | { kind: 'unreachable'; url: string; detail: string }
  | { kind: 'unusable'; url: string; detail: string }
  | { kind: 'other-zone'; stored: string; configured: string };

/** Why migrate-store stopped. */
export type CopyProblem =
  | { kind: 'target-not-empty'; url: string; tables: { table: string; rows: number }[] }
  | { kind: 'counts-differ'; counts: { kind: string; embedded: number; postgres: number }[] }
  | { kind: 'person-differs'; username: string; personId: string };

/** Why `npm run backup` or `npm run restore` refused a file it was given. */
export type BackupProblem = { kind: 'backup-exists'; file: string } | { kind: 'backup-missing'; file: string };

interface ProblemWording {
  file: (file: string, problem: StoreFileProblem, advice: StoreFileAdvice) => string;
  backup: (problem: BackupProblem) => string;
  database: (problem: StoreDatabaseProblem) => string;
  copy: (problem: CopyProblem) => string;
}

const en: ProblemWording = {
  file: (file, problem, advice) => `The store file ${file} ${fileProblemEn(file, problem)}. ${adviceEn[advice]}`,
  backup: (problem) => (problem.kind === 'backup-exists' ? `${problem.file} already exists: choose another name` : `${problem.file} does not exist`),
  database: (problem) => {
    switch (problem.kind) {
      case 'unreachable':
        return `STUDYTRAIL_DATABASE_URL: cannot reach the database at ${problem.url}: ${problem.detail}`;
      case 'unusable':
        return `STUDYTRAIL_DATABASE_URL: the database at ${problem.url} cannot be used: ${problem.detail}`;
      case 'other-zone':
        return `STUDYTRAIL_DATABASE_URL: the database counts days in ${problem.stored}, but STUDYTRAIL_TZ is ${problem.configured}: set STUDYTRAIL_TZ=${problem.stored} (daily totals cannot be recounted for another zone)`;
    }
  },
  copy: (problem) => {
    switch (problem.kind) {
      case 'target-not-empty':
        return `The database at ${problem.url} is not empty (${problem.tables.map((t) => `${t.table}: ${t.rows} rows`).join(', ')}). The store is copied only into an empty database, so nothing there is overwritten: create a new one (createdb) and run this again. Nothing was copied.`;
      case 'counts-differ':
        return `The copy differs in its counts: ${problem.counts.map((c) => `${c.kind} ${c.embedded} embedded, ${c.postgres} in PostgreSQL`).join('; ')}. ${KEEP_EMBEDDED_EN}`;
      case 'person-differs':
        return `The copy differs for ${problem.username} (${problem.personId}): their records do not read the same through both stores. ${KEEP_EMBEDDED_EN}`;
    }
  },
};

const KEEP_EMBEDDED_EN = 'Keep running on the embedded store (its data folder is unchanged), drop the database (dropdb) and report this.';

const adviceEn: Record<StoreFileAdvice, string> = {
  'restore-backup':
    'Nothing has been changed. Restore the store from your last backup: stop the server, then run ' +
    '`npm run restore -- <backup file>` (a file `npm run backup` made), which keeps the files it replaces.',
  'files-untouched': "The store's files are untouched.",
  'run-newer': "The store's files are untouched. Run the newer StudyTrail on this folder.",
  'restore-older-backup': 'Nothing was changed: restore another (older) backup instead.',
};

function fileProblemEn(file: string, problem: StoreFileProblem): string {
  const continued = (p: { snapshotFile: string; journalId: string; base: number }) =>
    `${p.snapshotFile} is continued by journal ${p.journalId} (the changes after change ${p.base})`;
  switch (problem.kind) {
    case 'other-zone':
      return `counts days in ${problem.stored}, but STUDYTRAIL_TZ is ${problem.configured}: set STUDYTRAIL_TZ=${problem.stored} (daily totals cannot be recounted for another zone)`;
    case 'not-a-store':
      return `is not a valid StudyTrail store (${problem.detail})`;
    case 'damaged-line':
      return `is damaged at line ${problem.line} (${problem.detail})`;
    case 'not-json':
      return problem.line === null ? `is not valid JSON (${problem.detail})` : `is not valid JSON at line ${problem.line} (${problem.detail})`;
    case 'newer-schema':
      return `was written by a newer StudyTrail (schema ${problem.version}; this server reads up to ${problem.supported})`;
    case 'in-use':
      return (
        `shows that process ${problem.pid} is using this data folder: stop that server first (two servers on one folder would corrupt it). ` +
        `If no StudyTrail server runs there (process ${problem.pid} is something else since a crash), delete ${file} and start again`
      );
    case 'lock-not-created':
      return 'could not be created: check that the data folder is writable';
    case 'no-header':
      return 'has no header line';
    case 'changed-while-read':
      return 'changed while it was read';
    case 'journal-missing':
      return `is missing: ${continued(problem)}, and without it those changes are lost`;
    case 'journal-other':
      return `does not continue the snapshot: it is journal ${problem.foundId ?? '(from before schema 6)'} from change ${problem.foundBase}, but ${continued(problem)}`;
    case 'journal-misplaced':
      return `does not continue the snapshot: journal ${problem.journalId} starts after change ${problem.foundBase}, but ${continued(problem)}`;
    case 'journal-ahead':
      return `continues a newer snapshot (entry ${problem.journalBase}) than ${problem.snapshotFile} holds (entry ${problem.snapshotSeq}); the snapshot is missing or old`;
  }
}

const zhCN: ProblemWording = {
  file: (file, problem, advice) => `存储文件 ${file} ${fileProblemZh(file, problem)}。${adviceZh[advice]}`,
  backup: (problem) => (problem.kind === 'backup-exists' ? `${problem.file} 已存在：请换一个文件名` : `${problem.file} 不存在`),
  database: (problem) => {
    switch (problem.kind) {
      case 'unreachable':
        return `STUDYTRAIL_DATABASE_URL：连不上 ${problem.url} 的数据库：${problem.detail}`;
      case 'unusable':
        return `STUDYTRAIL_DATABASE_URL：${problem.url} 的数据库无法使用：${problem.detail}`;
      case 'other-zone':
        return `STUDYTRAIL_DATABASE_URL：数据库按 ${problem.stored} 计日，而 STUDYTRAIL_TZ 是 ${problem.configured}：请设置 STUDYTRAIL_TZ=${problem.stored}（每日合计不能按另一个时区重算）`;
    }
  },
  copy: (problem) => {
    switch (problem.kind) {
      case 'target-not-empty':
        return `${problem.url} 的数据库不是空的（${problem.tables.map((t) => `${t.table}：${t.rows} 行`).join('，')}）。存储只复制到空数据库，以免覆盖其中的任何数据：请新建一个数据库（createdb）后再运行。什么也没有复制。`;
      case 'counts-differ':
        return `复制后的条数不一致：${problem.counts.map((c) => `${c.kind} 内置存储 ${c.embedded} 条，PostgreSQL ${c.postgres} 条`).join('；')}。${KEEP_EMBEDDED_ZH}`;
      case 'person-differs':
        return `${problem.username}（${problem.personId}）的记录经两个存储读出不一致。${KEEP_EMBEDDED_ZH}`;
    }
  },
};

const KEEP_EMBEDDED_ZH = '请继续使用内置存储（其数据文件夹未改动），删除这个数据库（dropdb），并报告此问题。';

const adviceZh: Record<StoreFileAdvice, string> = {
  'restore-backup':
    '没有做任何更改。请用最近的备份恢复存储：先停止服务器，再运行 `npm run restore -- <备份文件>`' +
    '（`npm run backup` 生成的文件），它会保留被替换的文件。',
  'files-untouched': '存储文件未被改动。',
  'run-newer': '存储文件未被改动。请用较新版本的学迹打开这个文件夹。',
  'restore-older-backup': '没有做任何更改：请改用另一个（更早的）备份来恢复。',
};

function fileProblemZh(file: string, problem: StoreFileProblem): string {
  const continued = (p: { snapshotFile: string; journalId: string; base: number }) =>
    `${p.snapshotFile} 应由日志 ${p.journalId}（第 ${p.base} 次更改之后的更改）接续`;
  switch (problem.kind) {
    case 'other-zone':
      return `按 ${problem.stored} 计日，而 STUDYTRAIL_TZ 是 ${problem.configured}：请设置 STUDYTRAIL_TZ=${problem.stored}（每日合计不能按另一个时区重算）`;
    case 'not-a-store':
      return `不是有效的学迹存储（${problem.detail}）`;
    case 'damaged-line':
      return `第 ${problem.line} 行已损坏（${problem.detail}）`;
    case 'not-json':
      return problem.line === null ? `不是有效的 JSON（${problem.detail}）` : `第 ${problem.line} 行不是有效的 JSON（${problem.detail}）`;
    case 'newer-schema':
      return `由较新版本的学迹写入（格式 ${problem.version}；本服务器最多能读格式 ${problem.supported}）`;
    case 'in-use':
      return (
        `表明进程 ${problem.pid} 正在使用这个数据文件夹：请先停止那个服务器（两个服务器共用一个文件夹会损坏数据）。` +
        `如果那里并没有学迹服务器在运行（崩溃后进程号 ${problem.pid} 已属于别的程序），请删除 ${file} 后重新启动`
      );
    case 'lock-not-created':
      return '无法创建：请检查数据文件夹是否可写';
    case 'no-header':
      return '缺少首行（文件头）';
    case 'changed-while-read':
      return '在读取过程中发生了变化';
    case 'journal-missing':
      return `不存在：${continued(problem)}，缺了它这些更改就会丢失`;
    case 'journal-other':
      return `接不上快照：它是从第 ${problem.foundBase} 次更改开始的日志 ${problem.foundId ?? '（格式 6 之前）'}，但 ${continued(problem)}`;
    case 'journal-misplaced':
      return `接不上快照：日志 ${problem.journalId} 从第 ${problem.foundBase} 次更改之后开始，但 ${continued(problem)}`;
    case 'journal-ahead':
      return `接续的是更新的快照（第 ${problem.journalBase} 条），而 ${problem.snapshotFile} 只到第 ${problem.snapshotSeq} 条；快照缺失或过旧`;
  }
}

const WORDING: Record<ConsoleLocale, ProblemWording> = { 'zh-CN': zhCN, en };

export function storeProblemWording(locale: ConsoleLocale): ProblemWording {
  return WORDING[locale];
}

/** An error that is one problem, worded by `word` from either language's wording. */
export abstract class ProblemError<P> extends WordedStoreError {
  constructor(
    readonly problem: P,
    private readonly word: (wording: ProblemWording, problem: P) => string,
  ) {
    super(word(en, problem));
  }

  wordedIn(locale: ConsoleLocale): string {
    return this.word(WORDING[locale], this.problem);
  }
}

/**
 * migrate-store refused the copy (a database that is not empty: nothing written) or its check found a
 * difference (the copy is committed, the data folder untouched: keep the embedded store, drop the database).
 */
export class CopyError extends ProblemError<CopyProblem> {
  override name = 'CopyError';
  constructor(problem: CopyProblem) {
    super(problem, (wording, p) => wording.copy(p));
  }
}

/** A file given to backup or restore that cannot be used as given (the store itself is fine). */
export class BackupError extends ProblemError<BackupProblem> {
  override name = 'BackupError';
  constructor(problem: BackupProblem) {
    super(problem, (wording, p) => wording.backup(p));
  }
}

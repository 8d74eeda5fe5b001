import { describe, expect, it } from 'vitest';
import { adviceFor, storeProblemWording, type BackupProblem, type CopyProblem, type StoreDatabaseProblem, type StoreFileProblem } from './store-problems.ts';

// One of every kind, so a kind added without its wording fails here (and in tsc, by the switches).
const FILE_PROBLEMS: StoreFileProblem[] = [
  { kind: 'other-zone', stored: 'Asia/Shanghai', configured: 'Europe/Berlin' },
  { kind: 'not-a-store', detail: 'line 2: expected an array' },
  { kind: 'damaged-line', line: 7, detail: 'checksum does not match' },
  { kind: 'not-json', line: 3, detail: 'Unexpected token' },
  { kind: 'not-json', line: null, detail: 'Unexpected end of JSON input' },
  { kind: 'newer-schema', version: 9, supported: 6 },
  { kind: 'in-use', pid: 4242 },
  { kind: 'lock-not-created' },
  { kind: 'no-header' },
  { kind: 'changed-while-read' },
  { kind: 'journal-missing', snapshotFile: 'studytrail.json', journalId: 'j1', base: 10 },
  { kind: 'journal-other', snapshotFile: 'studytrail.json', journalId: 'j1', base: 10, foundId: null, foundBase: 4 },
  { kind: 'journal-misplaced', snapshotFile: 'studytrail.json', journalId: 'j1', base: 10, foundBase: 12 },
  { kind: 'journal-ahead', snapshotFile: 'studytrail.json', journalBase: 20, snapshotSeq: 10 },
];
const DATABASE_PROBLEMS: StoreDatabaseProblem[] = [
  { kind: 'unreachable', url: 'postgres://st@db/st', detail: 'ECONNREFUSED' },
  { kind: 'unusable', url: 'postgres://st@db/st', detail: 'permission denied' },
  { kind: 'other-zone', stored: 'Asia/Shanghai', configured: 'UTC' },
];
const COPY_PROBLEMS: CopyProblem[] = [
  { kind: 'target-not-empty', url: 'postgres://st@db/st', tables: [{ table: 'users', rows: 3 }] },
  { kind: 'counts-differ', counts: [{ kind: 'notes', embedded: 3, postgres: 2 }] },
  { kind: 'person-differs', username: 'zhang.san', personId: 'p1' },
];
const BACKUP_PROBLEMS: BackupProblem[] = [
  { kind: 'backup-exists', file: '/b/copy.json' },
  { kind: 'backup-missing', file: '/b/copy.json' },
];

function everyMessage(locale: 'zh-CN' | 'en'): string[] {
  const w = storeProblemWording(locale);
  return [
    ...FILE_PROBLEMS.map((p) => w.file('/data/studytrail.json', p, adviceFor(p))),
    ...FILE_PROBLEMS.map((p) => w.file('/b/copy.json', p, 'restore-older-backup')),
    ...DATABASE_PROBLEMS.map(w.database),
    ...COPY_PROBLEMS.map(w.copy),
    ...BACKUP_PROBLEMS.map(w.backup),
  ];
}

describe('store problems', () => {
  it('are worded in Chinese, each with its Chinese words', () => {
    for (const message of everyMessage('zh-CN')) expect(message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('are worded in English without Chinese', () => {
    for (const message of everyMessage('en')) expect(message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('say what to do: a backup for damage, nothing for a lock or a setting, a newer server for a newer file', () => {
    expect(FILE_PROBLEMS.map((p) => `${p.kind}:${adviceFor(p)}`)).toEqual([
      'other-zone:files-untouched',
      'not-a-store:restore-backup',
      'damaged-line:restore-backup',
      'not-json:restore-backup',
      'not-json:restore-backup',
      'newer-schema:run-newer',
      'in-use:files-untouched',
      'lock-not-created:files-untouched',
      'no-header:restore-backup',
      'changed-while-read:restore-backup',
      'journal-missing:restore-backup',
      'journal-other:restore-backup',
      'journal-misplaced:restore-backup',
      'journal-ahead:restore-backup',
    ]);
  });

  it('carry the details into both wordings', () => {
    const damaged: StoreFileProblem = { kind: 'damaged-line', line: 7, detail: 'checksum does not match' };
    expect(storeProblemWording('zh-CN').file('/d/s.json', damaged, 'restore-backup')).toBe(
      '存储文件 /d/s.json 第 7 行已损坏（checksum does not match）。没有做任何更改。请用最近的备份恢复存储：先停止服务器，再运行 `npm run restore -- <备份文件>`（`npm run backup` 生成的文件），它会保留被替换的文件。',
    );
    expect(storeProblemWording('en').file('/d/s.json', damaged, 'restore-backup')).toBe(
      'The store file /d/s.json is damaged at line 7 (checksum does not match). Nothing has been changed. Restore the store from your last backup: stop the server, then run `npm run restore -- <backup file>` (a file `npm run backup` made), which keeps the files it replaces.',
    );
  });
});

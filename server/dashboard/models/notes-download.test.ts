import { describe, expect, it } from 'vitest';
import type { StoredNote } from '../../../shared/schemas/notes.ts';
import { authoredNotes, notesDownload } from './notes-download.ts';

const stored = (id: string, personId: string, title: string, reviewed: boolean): StoredNote => ({
  personId,
  mustReadTitle: null,
  review: reviewed ? { reviewerId: 'lead', reviewerName: '王主任', reviewedAt: '2026-03-02T01:00:00.000Z', comment: '已阅' } : null,
  note: {
    id,
    url: 'https://learn.example.org/a/1',
    canonicalUrl: null,
    title,
    resourceId: 'res-a',
    selectors: [{ type: 'TextQuoteSelector', exact: '周五学习日', prefix: '', suffix: '' }],
    quote: '周五学习日',
    comment: '要落实',
    tags: ['制度'],
    colour: 'yellow',
    mustRead: null,
    createdAt: '2026-03-01T02:00:00.000Z',
    updatedAt: '2026-03-01T02:00:00.000Z',
    deletedAt: null,
  },
});
const list = [stored('3b241101-e2bb-4255-8caf-4136c566a962', 'p1', '学习型机关', true), stored('9c5b94b1-35ad-49bb-b118-8e8fc24abf80', 'p-gone', '制度', false)];
const names = new Map([['p1', '李四']]);
const labels = { fileBase: '学习笔记/审阅', heading: '学习笔记', readingNotes: '阅读笔记', tags: '标签', review: '审阅', exportedAt: '导出时间', author: '作者' };
const AT = '2026-03-05T08:00:00.000Z';

describe('authoredNotes', () => {
  it('adds each author name, keeping the id of someone no longer listed', () => {
    expect(authoredNotes(list, names).map((n) => n.authorName)).toEqual(['李四', 'p-gone']);
    expect(authoredNotes(list, names)[0]).toMatchObject({ note: list[0]!.note, review: list[0]!.review });
  });
  it('gives nothing for no notes', () => {
    expect(authoredNotes([], names)).toEqual([]);
  });
});

describe('notesDownload', () => {
  const notes = authoredNotes(list, names);

  it('builds a W3C annotation collection of the filtered notes with authors and reviews', () => {
    const file = notesDownload('annotations', notes, labels, AT, 'Asia/Shanghai');
    expect(file.fileName).toBe('学习笔记_审阅-2026-03-05.jsonld');
    expect(file.type).toBe('application/ld+json');
    const json = JSON.parse(file.data);
    expect(json).toMatchObject({ type: 'AnnotationCollection', label: '学习笔记', total: 2, generated: AT });
    expect(json.first.items.map((a: { id: string }) => a.id)).toEqual(list.map((s) => `urn:uuid:${s.note.id}`));
    expect(json.first.items[0].creator).toEqual({ type: 'Person', name: '李四' });
    expect(json.first.items[0].body).toEqual(expect.arrayContaining([expect.objectContaining({ purpose: 'assessing', value: '已阅' })]));
    expect(json.first.items[1].body.some((b: { purpose: string }) => b.purpose === 'assessing')).toBe(false);
  });

  it('builds Markdown with each author and the export time', () => {
    const file = notesDownload('markdown', notes, labels, AT, 'Asia/Shanghai');
    expect(file).toMatchObject({ fileName: '学习笔记_审阅-2026-03-05.md', type: 'text/markdown;charset=utf-8' });
    expect(file.data).toContain('# 学习笔记');
    expect(file.data).toContain('导出时间: 2026-03-05 16:00 UTC+08:00');
    expect(file.data).toContain('作者: 李四');
    expect(file.data).toContain('作者: p-gone');
  });

  it('gives an empty collection for no notes', () => {
    expect(JSON.parse(notesDownload('annotations', [], labels, AT, 'Asia/Shanghai').data)).toMatchObject({ total: 0, first: { items: [] } });
  });
});

describe('the file’s date', () => {
  it('is the organisation’s day, not UTC’s: 22:00 UTC on 5 March is already 6 March in Shanghai', () => {
    expect(notesDownload('markdown', [], labels, '2026-03-05T22:00:00.000Z', 'Asia/Shanghai').fileName).toBe('学习笔记_审阅-2026-03-06.md');
    expect(notesDownload('markdown', [], labels, '2026-03-05T22:00:00.000Z', 'America/New_York').fileName).toBe('学习笔记_审阅-2026-03-05.md');
  });
});

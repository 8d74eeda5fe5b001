// The note exports shared by the side panel and the dashboard: Markdown that cannot be broken by note
// text, and W3C annotations that carry the selectors.
import { describe, expect, it } from 'vitest';
import { clipNote as clip, readingNote as reading } from '../../test/fixtures/notes.ts';
import type { ExportableNote } from './exportable-note.ts';
import { notesToMarkdown, readableInstant } from './export-markdown.ts';
import { notesToWebAnnotations } from './export-web-annotation.ts';

describe('Markdown export', () => {
  const md = notesToMarkdown([reading, clip], { heading: '读书笔记', readingNotes: '阅读笔记', tags: '标签', review: '审阅', exportedAt: '导出时间' }, '2026-03-01T00:00:00.000Z', 'Asia/Shanghai');

  it('groups by page with a link, reading notes last, and quotes the passage', () => {
    expect(md.indexOf('## [学习型机关建设](<https://learn.example.org/a/1>)')).toBeLessThan(md.indexOf('## 阅读笔记'));
    expect(md).toContain('> 坚持机关周五学习日制度');
    expect(md).toContain('### 《论语》');
    expect(md).toContain('标签: `制度` `学习日`');
    expect(md).toContain('*审阅* (王主任, 2026-01-06 09:00 UTC+08:00): 好');
  });

  it('writes every time as local time with its offset, never a bare UTC instant', () => {
    expect(md).toContain('导出时间: 2026-03-01 08:00 UTC+08:00');
    expect(md).toContain('<sub>2026-01-05 10:00 UTC+08:00</sub>');
    expect(md).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
  });

  it('crosses midnight into the local date, and writes zones west of UTC too', () => {
    expect(readableInstant('2026-03-05T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-03-06 00:30 UTC+08:00');
    expect(readableInstant('2026-01-01T12:00:00.000Z', 'America/St_Johns')).toBe('2026-01-01 08:30 UTC-03:30');
    expect(readableInstant('2026-07-01T12:00:00.000Z', 'UTC')).toBe('2026-07-01 12:00 UTC+00:00');
  });

  it('escapes markup typed into comments', () => {
    expect(md).toContain('\\# 不是标题\n要落实 \\*每周\\*');
  });

  it('keeps tags, titles and names on their line, so no blank line inside them can start raw HTML', () => {
    const html = '<img src=x onerror=alert(1)>';
    const hostile: ExportableNote = {
      ...reading,
      authorName: `张三\n\n${html}`,
      note: { ...reading.note, title: `书\n\n${html}`, tags: [`a\n\n${html}\n\n`, `b\r\n\u2028${html}`] },
    };
    const out = notesToMarkdown([hostile], { heading: 'h', readingNotes: 'r', tags: 't', review: 'v', exportedAt: 'e', author: 'by' }, '2026-03-01T00:00:00.000Z', 'Asia/Shanghai');
    expect(out.split('\n').filter((line) => line.trimStart().startsWith('<img'))).toEqual([]);
    expect(out).toContain(`\nt: \`a ${html} \` \`b ${html}\`\n`);
    expect(out).toContain(`### 书 \\<img src=x onerror=alert(1)\\>`);
    expect(out).toContain(`by: 张三 \\<img src=x onerror=alert(1)\\>`);
  });
});

describe('W3C Web Annotation export', () => {
  const collection = notesToWebAnnotations([clip, reading], 'notes', '2026-03-01T00:00:00.000Z') as {
    '@context': string[];
    type: string;
    total: number;
    first: { items: Record<string, any>[] };
  };

  it('is an AnnotationCollection of annotations with the stored selectors', () => {
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(2);
    const [a, b] = collection.first.items;
    expect(a).toMatchObject({ id: `urn:uuid:${clip.note.id}`, type: 'Annotation', motivation: 'highlighting' });
    expect(a!.target).toMatchObject({ source: 'https://learn.example.org/a/1', selector: clip.note.selectors, styleClass: 'yellow' });
    expect(a!.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'commenting', value: clip.note.comment }),
        expect.objectContaining({ purpose: 'tagging', value: '制度' }),
        expect.objectContaining({ purpose: 'assessing', value: '好' }),
      ]),
    );
    expect(b).toMatchObject({ motivation: 'commenting', target: { type: 'Text', title: '《论语》', value: '学而时习之' } });
  });

  it('carries W3C selectors only: the look-alikes recorded beside a quote stay out', () => {
    const quote = clip.note.selectors.find((s) => s.type === 'TextQuoteSelector')!;
    const withLookalikes = {
      ...clip,
      note: { ...clip.note, selectors: clip.note.selectors.map((s) => (s === quote ? { ...s, lookalikes: [{ edits: [{ start: 0, end: 1, text: '季' }], copies: 1 }] } : s)) },
    };
    const exported = notesToWebAnnotations([withLookalikes], 'notes', '2026-03-01T00:00:00.000Z') as { first: { items: Record<string, any>[] } };
    expect(exported.first.items[0]!.target.selector).toEqual(clip.note.selectors);
  });
});

describe('notes of several people', () => {
  const authored: ExportableNote = { ...clip, authorName: '张*三' };

  it('names the author as the annotation creator, and leaves it out for one\'s own notes', () => {
    const items = (notesToWebAnnotations([authored, reading], 'notes', '2026-03-01T00:00:00.000Z') as { first: { items: Record<string, unknown>[] } }).first.items;
    expect(items[0]!.creator).toEqual({ type: 'Person', name: '张*三' });
    expect(items[1]).not.toHaveProperty('creator');
  });

  it('names the author in Markdown, escaped, under the given label', () => {
    const labels = { heading: 'h', readingNotes: 'r', tags: 't', review: 'v', exportedAt: 'e' };
    expect(notesToMarkdown([authored], { ...labels, author: '作者' }, '2026-03-01T00:00:00.000Z', 'Asia/Shanghai')).toContain('作者: 张\\*三');
    expect(notesToMarkdown([authored], labels, '2026-03-01T00:00:00.000Z', 'Asia/Shanghai')).toContain('\n张\\*三\n');
    expect(notesToMarkdown([clip], { ...labels, author: '作者' }, '2026-03-01T00:00:00.000Z', 'Asia/Shanghai')).not.toContain('作者');
  });
});


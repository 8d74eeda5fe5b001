// The side panel's search: filters that find notes by words, tag, resource, category and date.
import { describe, expect, it } from 'vitest';
import type { LocalNote } from './local-notes.ts';
import { filterNotes, NO_FILTERS } from './filter-notes.ts';

const base = {
  canonicalUrl: null,
  resourceId: 'res-a',
  colour: 'yellow' as const,
  updatedAt: '2026-01-05T02:00:00.000Z',
  deletedAt: null,
};
const clip: LocalNote = {
  note: {
    ...base,
    id: '3b241101-e2bb-4255-8caf-4136c566a962',
    url: 'https://learn.example.org/a/1',
    title: '学习型机关建设',
    selectors: [
      { type: 'TextQuoteSelector', exact: '坚持机关周五学习日制度', prefix: '以建设学习型机关为目标，', suffix: '，同时' },
      { type: 'TextPositionSelector', start: 10, end: 21 },
    ],
    quote: '坚持机关周五学习日制度',
    comment: '# 不是标题\n要落实 *每周*',
    tags: ['制度', '学习日'],
    createdAt: '2026-01-05T02:00:00.000Z',
  },
  review: { reviewerId: 'l1', reviewerName: '王主任', reviewedAt: '2026-01-06T01:00:00.000Z', comment: '好' },
  rejection: null,
};
const reading: LocalNote = {
  note: {
    ...base,
    id: '9c5b94b1-35ad-49bb-b118-8e8fc24abf80',
    url: null,
    resourceId: null,
    title: '《论语》',
    selectors: [],
    quote: '学而时习之',
    comment: 'Reading on paper',
    tags: ['经典'],
    colour: 'green',
    createdAt: '2026-02-01T02:00:00.000Z',
  },
  review: null,
  rejection: null,
};

describe('filterNotes', () => {
  const notes = [clip, reading];
  const categoryOf = (id: string) => (id === 'res-a' ? ('cppcc-theory' as const) : undefined);
  const ids = (f: Partial<typeof NO_FILTERS>) => filterNotes(notes, { ...NO_FILTERS, ...f }, categoryOf, 'Asia/Shanghai').map((n) => n.note.title);

  it('searches quote, comment, tags and title, all words required', () => {
    expect(ids({ query: '周五学习日' })).toEqual(['学习型机关建设']);
    expect(ids({ query: 'reading PAPER' })).toEqual(['《论语》']);
    expect(ids({ query: '经典 paper' })).toEqual(['《论语》']);
    expect(ids({ query: '经典 周五' })).toEqual([]);
  });

  it('filters by tag, resource, category and local date', () => {
    expect(ids({ tag: '经典' })).toEqual(['《论语》']);
    expect(ids({ resourceId: 'res-a' })).toEqual(['学习型机关建设']);
    expect(ids({ resourceId: 'none' })).toEqual(['《论语》']);
    expect(ids({ category: 'cppcc-theory' })).toEqual(['学习型机关建设']);
    expect(ids({ from: '2026-01-05', to: '2026-01-31' })).toEqual(['学习型机关建设']);
    expect(ids({ from: '2026-02-01' })).toEqual(['《论语》']);
  });
});

import { describe, expect, it } from 'vitest';
import { markDraft } from './mark-draft.ts';

describe('markDraft', () => {
  it('starts someone not yet recorded at 出席 with nothing filled in', () => {
    expect(markDraft(null)).toEqual({ status: 'present', reason: '', makeUpOn: '', makeUpNote: '' });
  });

  it('keeps a leave’s reason when the entry is changed', () => {
    expect(markDraft({ status: 'leave', reason: '外出调研', makeUp: null })).toEqual({ status: 'leave', reason: '外出调研', makeUpOn: '', makeUpNote: '' });
  });

  it('keeps a missed session’s make-up', () => {
    expect(markDraft({ status: 'absent', reason: '', makeUp: { doneOn: '2026-12-09', note: '自学材料' } })).toEqual({
      status: 'absent',
      reason: '',
      makeUpOn: '2026-12-09',
      makeUpNote: '自学材料',
    });
  });
});

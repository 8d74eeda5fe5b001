import { describe, expect, it } from 'vitest';
import type { StudyPlan } from '../../../../shared/schemas/programme-plans.ts';
import { draftFromPlan, draftToSave } from './plan-draft.ts';

const plan: StudyPlan = {
  personId: 'p',
  year: 2026,
  stage: 'year',
  targets: { totalHours: 50, byCategory: { 'political-theory': 20 } },
  readingList: [
    { id: 'u1', title: '政协章程', author: '', resourceId: null, status: 'reading', source: 'unit' },
    { id: 'o1', title: '乡土中国', author: '费孝通', resourceId: 'r1', status: 'done', source: 'own' },
  ],
  updatedAt: null,
};

describe('plan draft', () => {
  it('round-trips a plan into the save request', () => {
    const draft = draftFromPlan(plan);
    expect(draft.byCategory.professional).toBe('');
    expect(draft.items.map((i) => i.locked)).toEqual([true, false]);
    expect(draftToSave(draft)).toEqual({
      ok: true,
      value: {
        targets: { totalHours: 50, byCategory: { 'political-theory': 20 } },
        readingList: [
          { id: 'u1', title: '政协章程', author: '', resourceId: null, status: 'reading' },
          { id: 'o1', title: '乡土中国', author: '费孝通', resourceId: 'r1', status: 'done' },
        ],
      },
    });
  });

  it('names the problem: negative, not a number, categories over the total, an empty title', () => {
    const draft = draftFromPlan(plan);
    expect(draftToSave({ ...draft, totalHours: '-1' })).toEqual({ ok: false, problem: 'negativeTarget' });
    expect(draftToSave({ ...draft, byCategory: { ...draft.byCategory, other: '-0.5' } })).toEqual({ ok: false, problem: 'negativeTarget' });
    expect(draftToSave({ ...draft, totalHours: '五十' })).toEqual({ ok: false, problem: 'notANumber' });
    expect(draftToSave({ ...draft, totalHours: '10' })).toEqual({ ok: false, problem: 'categoriesOverTotal' });
    expect(draftToSave({ ...draft, items: [{ ...draft.items[1]!, title: ' ' }] })).toEqual({ ok: false, problem: 'itemTitle' });
  });

  it('treats an empty total as zero', () => {
    const r = draftToSave({ totalHours: '', byCategory: { 'political-theory': '', 'cppcc-theory': '', professional: '', other: '' }, items: [] });
    expect(r).toEqual({ ok: true, value: { targets: { totalHours: 0, byCategory: {} }, readingList: [] } });
  });
});

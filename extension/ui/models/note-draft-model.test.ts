// Tag entry in the note editor: suggestions from existing tags, and typed tags added without duplicates.
import { describe, expect, it } from 'vitest';
import { addTags, suggestTags } from './note-draft-model.ts';

describe('tags in the editor', () => {
  it('suggests known tags not yet chosen that contain what is typed', () => {
    expect(suggestTags(['理论学习', '法律', 'Law school', '学习'], ['法律'], '')).toEqual(['理论学习', 'Law school', '学习']);
    expect(suggestTags(['理论学习', '法律', 'Law school', '学习'], [], '学习')).toEqual(['理论学习', '学习']);
    expect(suggestTags(['Law school'], [], 'LAW')).toEqual(['Law school']);
  });

  it('adds typed tags split on either comma, without duplicates', () => {
    expect(addTags(['法律'], ' 理论，学习, 法律 ,,')).toEqual(['法律', '理论', '学习']);
  });
});

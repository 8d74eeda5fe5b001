import { describe, expect, it } from 'vitest';
import { committeesUnder } from './committees.ts';

const unit = (id: string, name: string, parentId: string | null) => ({ id, name, parentId });
const office = [unit('o', '机关', null), unit('r', '研究室', 'o'), unit('c', '文化室', 'o'), unit('rs', '研究一组', 'r')];

describe('committeesUnder', () => {
  it('is the unit itself then the units directly under it, by name', () => {
    expect(committeesUnder(office, 'r').map((u) => u.unitId)).toEqual(['r', 'rs']);
    expect(committeesUnder(office, 'rs').map((u) => u.unitId)).toEqual(['rs']);
  });
  it('for the whole organisation: the single top unit and its children, or else every top unit', () => {
    expect(committeesUnder(office, null).map((u) => u.name)).toEqual(['机关', '文化室', '研究室']);
    expect(committeesUnder([unit('a', '乙', null), unit('b', '甲', null)], null).map((u) => u.unitId)).toEqual(['b', 'a']);
  });
});

import { describe, expect, it } from 'vitest';
import { fieldsFromData } from '../form-fields.ts';
import { defaultSessionDate, preselectedUnits, sessionBody, sessionFields } from './session-form.ts';

describe('session form', () => {
  it('reads every field, multi-selects included, and builds the request in the organisation zone', () => {
    const form = new FormData();
    for (const [k, v] of [
      ['kind', 'special-lecture'],
      ['topic', ' 专题辅导 '],
      ['date', '2026-03-06'],
      ['start', '14:30'],
      ['end', '17:30'],
      ['place', '三楼会议室'],
      ['link', ''],
      ['organiserId', 'o1'],
      ['tariff', 'half-day'],
      ['tariffReason', '按半天计'],
      ['unitIds', 'u1'],
      ['unitIds', 'u2'],
    ] as const)
      form.append(k, v);
    const body = sessionBody(sessionFields(fieldsFromData(form)), 'Asia/Shanghai');
    expect(body).toEqual({
      kind: 'special-lecture',
      topic: '专题辅导',
      startsAt: '2026-03-06T14:30:00+08:00',
      endsAt: '2026-03-06T17:30:00+08:00',
      place: '三楼会议室',
      link: null,
      organiserId: 'o1',
      materials: [],
      tariff: 'half-day',
      tariffReason: '按半天计',
      unitIds: ['u1', 'u2'],
    });
  });

  it('sends a malformed time empty, for the server to name', () => {
    const form = new FormData();
    form.append('date', '2026-03-06');
    form.append('start', '25:00');
    expect(sessionBody(sessionFields(fieldsFromData(form)), 'Asia/Shanghai').startsAt).toBe('');
  });
});

describe('units the session form preselects', () => {
  const units = [{ id: 'office' }, { id: 'research' }, { id: 'culture' }];
  it('picks a leader’s own unit', () => {
    expect(preselectedUnits({ role: 'leader', unitId: 'research' }, units)).toEqual(['research']);
  });
  it('picks the only unit listed, for anyone', () => {
    expect(preselectedUnits({ role: 'admin', unitId: null }, [{ id: 'office' }])).toEqual(['office']);
    expect(preselectedUnits({ role: 'leader', unitId: 'gone' }, [{ id: 'office' }])).toEqual(['office']);
  });
  it('picks nothing when there is a real choice to make', () => {
    expect(preselectedUnits({ role: 'admin', unitId: 'office' }, units)).toEqual([]);
    expect(preselectedUnits({ role: 'leader', unitId: null }, units)).toEqual([]);
    expect(preselectedUnits({ role: 'leader', unitId: 'elsewhere' }, units)).toEqual([]);
    expect(preselectedUnits({ role: 'staff', unitId: 'research' }, units)).toEqual([]);
    expect(preselectedUnits({ role: 'leader', unitId: 'research' }, [])).toEqual([]);
  });
});

describe('the date the form starts on', () => {
  const december = { from: '2026-12-01', to: '2026-12-31' };
  it('is today in the current month', () => {
    expect(defaultSessionDate('2026-12-07', december)).toBe('2026-12-07');
    expect(defaultSessionDate('2026-12-31', december)).toBe('2026-12-31');
  });
  it('is the first day of another month shown', () => {
    expect(defaultSessionDate('2026-11-30', december)).toBe('2026-12-01');
    expect(defaultSessionDate('2027-01-01', december)).toBe('2026-12-01');
  });
});

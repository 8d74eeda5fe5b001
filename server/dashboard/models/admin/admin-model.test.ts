import { describe, expect, it } from 'vitest';
import { fields, recordingApi } from '../recording-api.test-support.ts';
import { addPerson, addUnit, resourceFromForm, savePerson, saveUnit, SETTING_FIELDS, settingsFromForm, toggleResource } from './admin-model.ts';

describe('the people forms', () => {
  it('add an account with the name and username trimmed and the password as typed', async () => {
    const { api, calls } = recordingApi();
    await addPerson(api, fields([['username', ' ada '], ['name', ' Ada '], ['password', ' secret pw '], ['role', 'leader'], ['unitId', 'u1']]));
    expect(calls).toEqual([{ endpoint: 'createPerson', args: [{ username: 'ada', name: 'Ada', password: ' secret pw ', role: 'leader', unitId: 'u1' }] }]);
  });

  it('save a person without touching the password when none was typed', async () => {
    const { api, calls } = recordingApi();
    await savePerson(api, 'p1', fields([['name', ' Ada '], ['role', 'staff'], ['unitId', 'u2'], ['password', '']]));
    expect(calls).toEqual([{ endpoint: 'updatePerson', args: ['p1', { name: 'Ada', role: 'staff', unitId: 'u2', active: false }] }]);
  });

  it('save a person, then the new password when one was typed', async () => {
    const { api, calls } = recordingApi();
    await savePerson(api, 'p1', fields([['name', 'Ada'], ['role', 'admin'], ['unitId', 'u2'], ['active', 'on'], ['password', 'new password']]));
    expect(calls.map((c) => c.endpoint)).toEqual(['updatePerson', 'setPassword']);
    expect(calls[0]!.args[1]).toMatchObject({ active: true });
    expect(calls[1]!.args).toEqual(['p1', { password: 'new password' }]);
  });
});

describe('the unit forms', () => {
  it('add a top-level unit when no parent is chosen', async () => {
    const { api, calls } = recordingApi();
    await addUnit(api, fields([['name', ' 一委 '], ['parentId', '']]));
    expect(calls).toEqual([{ endpoint: 'createUnit', args: [{ name: '一委', parentId: null }] }]);
  });

  it('move a unit under the parent chosen', async () => {
    const { api, calls } = recordingApi();
    await saveUnit(api, 'u2', fields([['name', '二室'], ['parentId', 'u1']]));
    expect(calls).toEqual([{ endpoint: 'updateUnit', args: ['u2', { name: '二室', parentId: 'u1' }] }]);
  });
});

describe('the resource form', () => {
  const base = [['name', ' Docs '], ['category', 'professional'], ['kind', 'reading']] as const;

  it('reads one pattern a line, blank lines left out', () => {
    expect(resourceFromForm(fields([...base, ['patterns', 'https://a.example/*\n\n  https://b.example/x/*  \n']]))).toEqual({
      ok: true,
      body: { name: 'Docs', category: 'professional', kind: 'reading', patterns: ['https://a.example/*', 'https://b.example/x/*'] },
    });
  });

  it('names every pattern that is not a match pattern, and sends none', () => {
    expect(resourceFromForm(fields([...base, ['patterns', 'https://a.example/*\nnot a pattern']]))).toEqual({ ok: false, invalid: ['not a pattern'] });
  });

  it('sends nothing without a pattern', () => {
    expect(resourceFromForm(fields([...base, ['patterns', ' \n ']]))).toEqual({ ok: false, invalid: [] });
  });

  it('turns an active resource off and an inactive one on', async () => {
    const { api, calls } = recordingApi();
    await toggleResource(api, { id: 'r1', active: true } as Parameters<typeof toggleResource>[1]);
    await toggleResource(api, { id: 'r2', active: false } as Parameters<typeof toggleResource>[1]);
    expect(calls.map((c) => c.args)).toEqual([
      ['r1', { active: false }],
      ['r2', { active: true }],
    ]);
  });
});

describe('the settings form', () => {
  it('sends every setting as a number', () => {
    const form = fields(SETTING_FIELDS.map((f, i) => [f.key, String(100 + i)] as const));
    expect(settingsFromForm(form)).toEqual({ idleSeconds: 100, mediaPresenceSeconds: 101, dailyCapSeconds: 102, annualTargetHours: 103, retentionDays: 104 });
  });

  it('has a label and a hint for each setting, each field once', () => {
    expect(new Set(SETTING_FIELDS.map((f) => f.key)).size).toBe(SETTING_FIELDS.length);
    for (const f of SETTING_FIELDS) expect([f.label, f.hint]).toEqual([`settings.${f.key}`, `settings.${f.key}Hint`]);
  });
});

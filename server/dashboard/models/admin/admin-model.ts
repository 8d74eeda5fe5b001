// What the admin screens load and send: people, units, designated resources, the tracking and programme
// settings, and the audit log.
// Components render these; the request bodies are read from the forms here, in one place per form.
import { useState } from 'preact/hooks';
import type { Category, ResourceKind, Role } from '../../../../shared/schemas/domain.ts';
import type { CreateResource } from '../../../../shared/schemas/policy.ts';
import type { Settings } from '../../../../shared/schemas/settings.ts';
import type { Api, ListedResource } from '../../api/endpoints.ts';
import type { MessageKey } from '../../i18n/t.ts';
import type { FormFields } from '../form-fields.ts';
import { parsePatterns } from '../patterns-input.ts';
import { usePeopleAndUnits } from '../directory.ts';
import { useLoad } from '../use-load.ts';

export const useSettings = (api: Api) => useLoad(() => api.settings(), [api]);
export const useProgrammeSettings = (api: Api) => useLoad(() => api.programme.settings(), [api]);

/** How many audit entries a page of the log shows. */
export const AUDIT_PAGE = 50;

/** The audit log a page at a time, newest first: `older` goes on from the last entry shown. */
export function useAuditLog(api: Api) {
  const [before, setBefore] = useState<string | undefined>(undefined);
  const page = useLoad(() => api.audit({ limit: AUDIT_PAGE, before }), [api, before]);
  return {
    page,
    atNewest: before === undefined,
    newest: () => setBefore(undefined),
    older: (entries: readonly { at: string }[]) => setBefore(entries[entries.length - 1]!.at),
  };
}

/** The people screen: everyone with the units to place them in, and the last erasure's message. */
export function usePeopleAdmin(api: Api) {
  const directory = usePeopleAndUnits(api);
  const [erased, setErased] = useState('');
  return {
    directory,
    erased,
    onErased(message: string) {
      setErased(message);
      directory.reload();
    },
  };
}

export function addPerson(api: Api, form: FormFields) {
  return api.createPerson({
    username: form.trimmed('username'),
    name: form.trimmed('name'),
    password: form.text('password'),
    role: form.text('role') as Role,
    unitId: form.text('unitId'),
  });
}

/** Saves the person's fields, then the new password when one was typed. */
export async function savePerson(api: Api, personId: string, form: FormFields): Promise<void> {
  const password = form.text('password');
  await api.updatePerson(personId, { name: form.trimmed('name'), role: form.text('role') as Role, unitId: form.text('unitId'), active: form.checked('active') });
  if (password !== '') await api.setPassword(personId, { password });
}

/** The unit form's fields as a body: an empty parent is a top-level unit. */
function unitBody(form: FormFields): { name: string; parentId: string | null } {
  const parent = form.text('parentId');
  return { name: form.trimmed('name'), parentId: parent === '' ? null : parent };
}

export const addUnit = (api: Api, form: FormFields) => api.createUnit(unitBody(form));
export const saveUnit = (api: Api, unitId: string, form: FormFields) => api.updateUnit(unitId, unitBody(form));

/** The new resource's body, or the patterns that are not valid match patterns (none at all: nothing to send). */
export function resourceFromForm(form: FormFields): { ok: true; body: CreateResource } | { ok: false; invalid: string[] } {
  const { patterns, invalid } = parsePatterns(form.text('patterns'));
  if (invalid.length > 0 || patterns.length === 0) return { ok: false, invalid };
  return { ok: true, body: { name: form.trimmed('name'), category: form.text('category') as Category, kind: form.text('kind') as ResourceKind, patterns } };
}

/** The new resource form: the bad patterns stay named until the next try; nothing is sent while any is. */
export function useResourceForm(api: Api) {
  const [invalid, setInvalid] = useState<string[]>([]);
  return {
    invalid,
    save(form: FormFields) {
      const checked = resourceFromForm(form);
      setInvalid(checked.ok ? [] : checked.invalid);
      return checked.ok ? api.createResource(checked.body) : null;
    },
  };
}

export const toggleResource = (api: Api, resource: ListedResource) => api.updateResource(resource.id, { active: !resource.active });

export interface SettingField {
  key: keyof Settings;
  label: MessageKey;
  hint: MessageKey;
  min: number;
  max: number;
  step: number;
}

export const SETTING_FIELDS: readonly SettingField[] = [
  { key: 'idleSeconds', label: 'settings.idleSeconds', hint: 'settings.idleSecondsHint', min: 15, max: 3600, step: 1 },
  { key: 'mediaPresenceSeconds', label: 'settings.mediaPresenceSeconds', hint: 'settings.mediaPresenceSecondsHint', min: 60, max: 14_400, step: 1 },
  { key: 'dailyCapSeconds', label: 'settings.dailyCapSeconds', hint: 'settings.dailyCapSecondsHint', min: 600, max: 86_400, step: 1 },
  { key: 'annualTargetHours', label: 'settings.annualTargetHours', hint: 'settings.annualTargetHoursHint', min: 0, max: 2000, step: 1 },
  { key: 'retentionDays', label: 'settings.retentionDays', hint: 'settings.retentionDaysHint', min: 60, max: 3660, step: 1 },
];

/** Every setting as a number; the server checks the bounds again. */
export function settingsFromForm(form: FormFields): Settings {
  return Object.fromEntries(SETTING_FIELDS.map((f) => [f.key, Number(form.text(f.key))])) as unknown as Settings;
}

export const saveSettings = (api: Api, form: FormFields) => api.saveSettings(settingsFromForm(form));

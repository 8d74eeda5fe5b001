// The new-session form's fields as the request body: date and times typed in the organisation's zone
// become instants with its offset; an empty link is none. The server checks everything again.
import type { SessionInput, SessionKind, TariffKind } from '../../../../shared/schemas/programme-calendar.ts';
import type { FormFields } from '../form-fields.ts';
import { wallTimeToInstant } from './zoned-input.ts';

export interface SessionFields {
  kind: string;
  topic: string;
  date: string;
  start: string;
  end: string;
  place: string;
  link: string;
  organiserId: string;
  tariff: string;
  tariffReason: string;
  unitIds: string[];
  materials: string[];
}

/** Reads the fields from a submitted form (multi-selects give every chosen value). */
export function sessionFields(form: FormFields): SessionFields {
  const text = (name: string) => form.trimmed(name);
  return {
    kind: text('kind'),
    topic: text('topic'),
    date: text('date'),
    start: text('start'),
    end: text('end'),
    place: text('place'),
    link: text('link'),
    organiserId: text('organiserId'),
    tariff: text('tariff'),
    tariffReason: text('tariffReason'),
    unitIds: form.all('unitIds'),
    materials: form.all('materials'),
  };
}

export function sessionBody(f: SessionFields, timeZone: string): SessionInput {
  return {
    kind: f.kind as SessionKind,
    topic: f.topic,
    // A malformed time is sent empty so the server names the field.
    startsAt: wallTimeToInstant(f.date, f.start, timeZone) ?? '',
    endsAt: wallTimeToInstant(f.date, f.end, timeZone) ?? '',
    place: f.place,
    link: f.link === '' ? null : f.link,
    organiserId: f.organiserId,
    materials: f.materials,
    tariff: f.tariff as TariffKind,
    tariffReason: f.tariffReason,
    unitIds: f.unitIds,
  };
}

/**
 * The units the form starts with: a leader's own unit when they have one the list offers, else the
 * list's only unit (a leader of one unit, or an office with one), else none, so a choice is made.
 */
export function preselectedUnits(user: { role: string; unitId: string | null }, units: readonly { id: string }[]): string[] {
  if (user.role === 'leader' && user.unitId !== null && units.some((u) => u.id === user.unitId)) return [user.unitId];
  return units.length === 1 ? [units[0]!.id] : [];
}

/**
 * The date the form starts on: today (the organisation's) while the month shown is the current one,
 * else the month's first day. It started on the first of the month, so a session made on the 7th was
 * dated a week back unless the leader noticed.
 */
export function defaultSessionDate(today: string, month: { from: string; to: string }): string {
  return today >= month.from && today <= month.to ? today : month.from;
}

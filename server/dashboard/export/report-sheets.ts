// The exported reports as sheets: a unit's summary (one row per person, in name order) and a person's
// page (their figures against the target; the log's days, resources, discounts). Hours are numbers with one decimal so the spreadsheet can sum them.
import type { PersonFigures } from '../../../shared/schemas/figures.ts';
import type { UnitSummary } from '../../../shared/schemas/reports.ts';
import type { Unit } from '../../../shared/schemas/organisation.ts';
import type { Translate } from '../i18n/t.ts';
import { hoursValue } from '../models/format.ts';
import { creditRulesLine } from '../models/programme/credit-rule-label.ts';
import type { PersonLogModel } from '../models/person.ts';
import { unitPath } from '../models/unit-tree.ts';
import { sheet, type Sheet } from './table.ts';

export function unitSummarySheets(summary: UnitSummary, units: readonly Unit[], t: Translate): Sheet[] {
  const below = new Set(summary.belowTarget.map((p) => p.personId));
  const people = sheet(
    t('export.sheet.people'),
    [
      { header: t('field.name'), kind: 'text' },
      { header: t('field.username'), kind: 'text' },
      { header: t('field.unit'), kind: 'text' },
      { header: t('field.role'), kind: 'text' },
      { header: t('figure.creditedHours'), kind: 'hours' },
      { header: t('figure.rawHours'), kind: 'hours' },
      { header: t('figure.targetHours'), kind: 'hours' },
      { header: t('figure.gapHours'), kind: 'hours' },
      { header: t('figure.notes'), kind: 'integer' },
      { header: t('figure.belowTarget'), kind: 'text' },
    ],
    summary.people.map((p) => [
      p.name,
      p.username,
      unitPath(units, p.unitId),
      t(`role.${p.role}`),
      hoursValue(p.seconds),
      hoursValue(p.rawSeconds),
      hoursValue(p.targetSeconds),
      hoursValue(p.gapSeconds),
      p.notesCount,
      below.has(p.personId) ? t('common.yes') : t('common.no'),
    ]),
  );
  const about = sheet(
    t('export.sheet.about'),
    [
      { header: t('export.item'), kind: 'text' },
      { header: t('export.value'), kind: 'text' },
    ],
    [
      [t('field.unit'), unitPath(units, summary.unitId)],
      [t('field.from'), summary.from],
      [t('field.to'), summary.to],
      [t('figure.creditedHours'), hoursValue(summary.totalSeconds)],
      [t('figure.targetHours'), hoursValue(summary.targetSeconds)],
      [t('figure.people'), summary.people.length],
    ],
  );
  return [people, about];
}

/**
 * A person's page as sheets. The headline hours and target are the figures route's (the one computation
 * the overview and annual record use); the days, resources and discounts are the online log's.
 */
export function personLogSheets(model: PersonLogModel, figures: PersonFigures, person: { name: string; username: string }, t: Translate): Sheet[] {
  return [
    sheet(
      t('export.sheet.days'),
      [
        { header: t('field.date'), kind: 'text' },
        { header: t('figure.creditedHours'), kind: 'hours' },
        { header: t('figure.rawHours'), kind: 'hours' },
      ],
      model.days.map((d) => [d.date, hoursValue(d.seconds), hoursValue(d.rawSeconds)]),
    ),
    sheet(
      t('export.sheet.resources'),
      [
        { header: t('field.resource'), kind: 'text' },
        { header: t('field.category'), kind: 'text' },
        { header: t('figure.creditedHours'), kind: 'hours' },
      ],
      model.resources.map((r) => [r.name ?? r.resourceId, r.category === null ? '' : t(`category.${r.category}`), hoursValue(r.seconds)]),
    ),
    sheet(
      t('export.sheet.about'),
      [
        { header: t('export.item'), kind: 'text' },
        { header: t('export.value'), kind: 'text' },
      ],
      [
        [t('field.name'), person.name],
        [t('field.username'), person.username],
        [t('field.from'), model.from],
        [t('field.to'), model.to],
        [t('figure.creditedHours'), figures.totalHours],
        [t('annual.online'), figures.onlineCreditedHours],
        [t('annual.sessions'), figures.sessionHours],
        [t('figure.targetHours'), figures.targetHours],
        [t('figure.gapHours'), figures.gapHours],
        [t('figure.belowTarget'), figures.behind ? t('common.yes') : t('common.no')],
        // The export is what a leader files: it names the credit rules its hours were made under, as the page does.
        [t('figure.creditRules'), creditRulesLine(figures.creditRules, t)],
        [t('figure.rawHours'), hoursValue(model.rawSeconds)],
        ...model.discounts.map((d): [string, number] => [t(`discount.${d.reason}`), hoursValue(d.seconds)]),
        [t('figure.notes'), model.notesCount],
      ],
    ),
  ];
}

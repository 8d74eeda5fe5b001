// The research screen's export: per person the reports counted against the target, the six kinds of
// visit covered per unit, and every visit and report of the year (cells escaped by sheet()).
import type { Unit } from '../../../shared/schemas/organisation.ts';
import { VISIT_KINDS, type ResearchOverview } from '../../../shared/schemas/programme-research.ts';
import type { Translate } from '../i18n/t.ts';
import { visitCoverage } from '../models/programme/visit-coverage.ts';
import { unitPath } from '../models/unit-tree.ts';
import { sheet, type Sheet } from './table.ts';

export function researchSheets(o: ResearchOverview, units: readonly Unit[], t: Translate): Sheet[] {
  const nameOf = new Map(o.people.map((p) => [p.personId, p.name]));
  const people = sheet(
    t('research.title'),
    [
      { header: t('field.name'), kind: 'text' },
      { header: t('field.unit'), kind: 'text' },
      { header: t('research.counted'), kind: 'integer' },
      { header: t('research.drafts'), kind: 'integer' },
      { header: t('research.visits'), kind: 'integer' },
      { header: t('research.missing'), kind: 'integer' },
    ],
    o.people.map((p) => [p.name, unitPath(units, p.unitId), p.reportsCounted, p.drafts, p.visits, p.missing]),
  );
  const coverage = sheet(
    t('research.coverage'),
    [
      { header: t('field.unit'), kind: 'text' },
      ...VISIT_KINDS.map((k) => ({ header: t(`visit.${k}`), kind: 'integer' as const })),
      { header: t('research.kindsCovered'), kind: 'integer' },
    ],
    visitCoverage(o.visits, o.people, units.map((u) => u.id)).map((r) => [
      r.unitId === null ? t('research.noUnit') : unitPath(units, r.unitId),
      ...VISIT_KINDS.map((k) => r.counts[k]),
      r.covered,
    ]),
  );
  const visits = sheet(
    t('research.visits'),
    [
      { header: t('field.date'), kind: 'text' },
      { header: t('field.name'), kind: 'text' },
      { header: t('research.kind'), kind: 'text' },
      { header: t('research.place'), kind: 'text' },
      { header: t('research.summary'), kind: 'text' },
    ],
    o.visits.map((v) => [v.date, nameOf.get(v.personId) ?? v.personId, t(`visit.${v.kind}`), v.place, v.summary]),
  );
  const reports = sheet(
    t('research.reports'),
    [
      { header: t('field.date'), kind: 'text' },
      { header: t('field.name'), kind: 'text' },
      { header: t('research.reportTitle'), kind: 'text' },
      { header: t('field.status'), kind: 'text' },
    ],
    o.reports.map((r) => [r.date, nameOf.get(r.personId) ?? r.personId, r.title, t(`report.${r.status}`)]),
  );
  return [people, coverage, visits, reports];
}

// The programme's exports as sheets: the monthly attendance bulletin (people and the named absences),
// one person's annual record, and the year summary of a unit (one row per person, in name order).
import type { MonthlyBulletin } from '../../../shared/schemas/programme-attendance.ts';
import type { Unit } from '../../../shared/schemas/organisation.ts';
import type { AnnualRecord, OrganisationSummary } from '../../../shared/schemas/programme-record.ts';
import type { Translate } from '../i18n/t.ts';
import { hoursValue } from '../models/format.ts';
import { unitPath } from '../models/unit-tree.ts';
import { sheet, type Sheet } from './table.ts';

/** A share as a whole-number percentage cell (numbers stay numbers so the sheet can compute). */
const percent = (share: number | null): number | string => (share === null ? '' : Math.round(share * 100));

export function bulletinSheets(b: MonthlyBulletin, units: readonly Unit[], t: Translate): Sheet[] {
  const people = sheet(
    t('export.sheet.bulletin'),
    [
      { header: t('field.name'), kind: 'text' },
      { header: t('field.unit'), kind: 'text' },
      { header: t('bulletin.expected'), kind: 'integer' },
      { header: t('attendance.present'), kind: 'integer' },
      { header: t('attendance.late'), kind: 'integer' },
      { header: t('attendance.leave'), kind: 'integer' },
      { header: t('attendance.absent'), kind: 'integer' },
      { header: t('attendance.unrecorded'), kind: 'integer' },
      { header: t('bulletin.madeUp'), kind: 'integer' },
      { header: `${t('bulletin.rate')} %`, kind: 'integer' },
    ],
    b.people.map((p) => [
      p.name,
      unitPath(units, p.unitId),
      p.counts.expected,
      p.counts.present,
      p.counts.late,
      p.counts.leave,
      p.counts.absent,
      p.counts.unrecorded,
      p.counts.madeUp,
      percent(p.counts.rate),
    ]),
  );
  const absences = sheet(
    t('export.sheet.absences'),
    [
      { header: t('field.date'), kind: 'text' },
      { header: t('field.name'), kind: 'text' },
      { header: t('session.topic'), kind: 'text' },
      { header: t('field.status'), kind: 'text' },
      { header: t('session.reason'), kind: 'text' },
      { header: t('bulletin.madeUp'), kind: 'text' },
    ],
    b.exceptions.map((e) => [e.date, e.name, e.topic, t(`attendance.${e.status}`), e.reason, e.madeUp ? t('common.yes') : t('common.no')]),
  );
  return [people, absences];
}

export function annualRecordSheets(r: AnnualRecord, units: readonly Unit[], t: Translate): Sheet[] {
  const rows: (string | number)[][] = [
    [t('field.name'), r.name],
    [t('field.unit'), unitPath(units, r.unitId)],
    [t('field.year'), r.year],
    [t('annual.target'), r.hours.targetHours],
    [t('annual.onlineCounted'), hoursValue(r.hours.onlineSeconds)],
    [t('annual.online'), r.hours.onlineCreditedHours],
    ...r.hours.adjustments.map((a) => [t(`annual.adjustment.${a.reason}`), a.hours]),
    [t('annual.sessions'), r.hours.sessionHours],
    [t('annual.total'), r.hours.totalHours],
    ...r.hours.byCategory.map((c) => [`${t(`category.${c.category}`)} (${c.targetHours ?? '-'})`, c.achievedHours]),
    [t('bulletin.expected'), r.attendance.expected],
    [t('bulletin.attended'), r.attendance.attended],
    [t('attendance.leave'), r.attendance.leave],
    [t('attendance.absent'), r.attendance.absent + r.attendance.unrecorded],
    [`${t('bulletin.rate')} %`, percent(r.attendance.rate)],
    [t('annual.notesCount'), r.notes.count],
    [t('annual.characters'), r.notes.characters],
    [`${t('annual.reviewedShare')} %`, percent(r.notes.reviewedShare)],
    [t('research.counted'), r.research.reportsCounted],
    ...r.research.reports.map((rep) => [`${t('research.reports')}: ${rep.title}`, `${rep.date} ${t(`report.${rep.status}`)}`]),
    ...r.research.visits.map((v) => [t(`visit.${v.kind}`), v.count]),
    [t('annual.remarks'), r.remarks],
    [t('annual.suggested'), t(`grade.${r.grade.suggested}`)],
    [t('annual.decision'), r.grade.decision ? t(`grade.${r.grade.decision.grade}`) : t('annual.undecided')],
    [t('annual.reason'), r.grade.decision?.reason ?? ''],
  ];
  return [sheet(t('export.sheet.record'), [{ header: t('export.item'), kind: 'text' }, { header: t('export.value'), kind: 'text' }], rows)];
}

export function summarySheets(s: OrganisationSummary, units: readonly Unit[], t: Translate): Sheet[] {
  return [
    sheet(
      t('export.sheet.summary'),
      [
        { header: t('field.name'), kind: 'text' },
        { header: t('field.unit'), kind: 'text' },
        { header: t('annual.target'), kind: 'hours' },
        { header: t('annual.total'), kind: 'hours' },
        { header: `${t('bulletin.rate')} %`, kind: 'integer' },
        { header: t('annual.notesCount'), kind: 'integer' },
        { header: t('research.counted'), kind: 'integer' },
        { header: t('annual.suggested'), kind: 'text' },
        { header: t('annual.decision'), kind: 'text' },
      ],
      s.records.map((r) => [
        r.name,
        unitPath(units, r.unitId),
        r.hours.targetHours,
        r.hours.totalHours,
        percent(r.attendance.rate),
        r.notes.count,
        r.research.reportsCounted,
        t(`grade.${r.grade.suggested}`),
        r.grade.decision ? t(`grade.${r.grade.decision.grade}`) : t('annual.undecided'),
      ]),
    ),
  ];
}

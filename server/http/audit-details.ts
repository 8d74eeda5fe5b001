// Readable audit details for programme records: names, titles, local dates and times, hours; never
// bare ids, so the log reads the same to an auditor as the screens do.
import type { AttendanceEntry } from '../../shared/schemas/programme-attendance.ts';
import type { TariffKind } from '../../shared/schemas/programme-calendar.ts';
import type { ChangeRequest } from '../../shared/schemas/programme-changes.ts';
import { instantInZone } from '../../shared/time/zoned-days.ts';
import type { SessionRecord } from '../store/programme/records.ts';
import type { Directory } from '../report-inputs/directory.ts';

// A record, so a tariff kind added to the schema fails the type check here until it is named.
const TARIFF_WORDS: Record<TariffKind, string> = { 'half-day': 'half day', day: 'whole day', actual: 'actual length' };

const localTime = (instant: string, timeZone: string) => instantInZone(Date.parse(instant), timeZone).slice(11, 16);

export function personName(directory: Directory, id: string): string {
  return directory.person(id)?.name ?? '(removed person)';
}

export function unitNames(directory: Directory, unitIds: readonly string[]): string {
  return unitIds.map((id) => directory.units.find((u) => u.id === id)?.name ?? '(removed unit)').join(', ');
}

/** "学习两会精神, 2026-03-06 14:30–17:30, 三楼会议室; organiser 张三; units 办公室; credited 3 h (actual length)". */
export function describeSession(session: SessionRecord, directory: Directory, timeZone: string): string {
  const tariff = TARIFF_WORDS[session.tariff];
  return (
    `${session.topic}, ${session.date} ${localTime(session.startsAt, timeZone)}–${localTime(session.endsAt, timeZone)}` +
    `${session.place === '' ? '' : `, ${session.place}`}; organiser ${personName(directory, session.organiserId)}; ` +
    `units ${unitNames(directory, session.unitIds)}; credited ${session.creditedHours} h (${tariff}${session.tariffReason === '' ? '' : `: ${session.tariffReason}`})`
  );
}

/** "张三 at 学习两会精神 (2026-03-06): leave (外出开会); made up 2026-03-10". */
export function describeAttendance(entry: Pick<AttendanceEntry, 'personId' | 'status' | 'reason' | 'makeUp'>, session: SessionRecord, directory: Directory): string {
  return (
    `${personName(directory, entry.personId)} at ${session.topic} (${session.date}): ${entry.status}` +
    `${entry.reason === '' ? '' : ` (${entry.reason})`}${entry.makeUp === null ? '' : `; made up ${entry.makeUp.doneOn}`}`
  );
}

/** "张三: plan 2026 year, total 50 h → 30 h" or "张三: report 《…》 submitted → adopted". */
export function describeChange(change: ChangeRequest): string {
  const c = change.change;
  if (c.kind === 'plan-targets') {
    return `${change.personName}: plan ${c.year} ${c.stage}, total ${c.from.totalHours} h → ${c.to.totalHours} h`;
  }
  return `${change.personName}: report "${c.title}" ${c.from} → ${c.to}`;
}

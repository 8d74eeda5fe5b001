// What the roster's mark form starts from: the entry as recorded (its status, the reason for a leave,
// the make-up of a missed session), or 出席 for someone not yet recorded, so changing an entry keeps
// what was entered before instead of asking for it again.
import type { AttendanceEntry, AttendanceStatus } from '../../../../shared/schemas/programme-attendance.ts';

export interface MarkDraft {
  status: AttendanceStatus;
  reason: string;
  makeUpOn: string;
  makeUpNote: string;
}

export function markDraft(entry: Pick<AttendanceEntry, 'status' | 'reason' | 'makeUp'> | null): MarkDraft {
  if (entry === null) return { status: 'present', reason: '', makeUpOn: '', makeUpNote: '' };
  return { status: entry.status, reason: entry.reason, makeUpOn: entry.makeUp?.doneOn ?? '', makeUpNote: entry.makeUp?.note ?? '' };
}

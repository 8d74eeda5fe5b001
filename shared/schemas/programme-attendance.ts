// Attendance (考勤) at sessions: a roster per session, each person present, late, on leave (with a
// reason) or absent, make-ups recorded; self check-in with the session's short code.
import { z } from 'zod';
import { dateSchema, idSchema, instantSchema } from './domain.ts';

export const ATTENDANCE_STATUSES = ['present', 'late', 'leave', 'absent'] as const;
export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof attendanceStatusSchema>;

/** Letters and digits that cannot be mistaken for each other when read off a projector. */
export const SESSION_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const SESSION_CODE_LENGTH = 6;

export const makeUpSchema = z.object({
  /** When the missed study was made up (补学). */
  doneOn: dateSchema,
  note: z.string().trim().max(500).default(''),
});
export type MakeUp = z.infer<typeof makeUpSchema>;

/** `PUT /api/sessions/{id}/attendance/{personId}` by a leader or admin. */
export const markAttendanceSchema = z
  .object({
    status: attendanceStatusSchema,
    reason: z.string().trim().max(500).default(''),
    makeUp: makeUpSchema.nullable().default(null),
  })
  .refine((m) => m.status !== 'leave' || m.reason.length > 0, { message: 'leave needs a reason', path: ['reason'] })
  .refine((m) => m.makeUp === null || m.status === 'leave' || m.status === 'absent', {
    message: 'only a missed session can be made up',
    path: ['makeUp'],
  });
export type MarkAttendance = z.input<typeof markAttendanceSchema>;

/** `POST /api/sessions/{id}/check-in` by the person themselves. */
export const checkInRequestSchema = z.object({ code: z.string().trim().min(1).max(32) });
export type CheckInRequest = z.infer<typeof checkInRequestSchema>;

export const attendanceEntrySchema = z.object({
  sessionId: idSchema,
  personId: idSchema,
  status: attendanceStatusSchema,
  reason: z.string(),
  makeUp: makeUpSchema.nullable(),
  /** Set when the person checked in themselves. */
  checkedInAt: instantSchema.nullable(),
  /** Who last marked it: the person (check-in) or a leader/admin. */
  markedBy: idSchema,
  updatedAt: instantSchema,
});
export type AttendanceEntry = z.infer<typeof attendanceEntrySchema>;


const count = z.number().int().min(0);

export const attendanceCountsSchema = z.object({
  expected: count,
  present: count,
  late: count,
  leave: count,
  absent: count,
  /** Not recorded at all once the session is over: counted as absent in the rate. */
  unrecorded: count,
  madeUp: count,
  /** Present, late, or missed and made up. */
  attended: count,
  /** The sessions the rate is taken over: expected minus leave that was not made up (excused). */
  counted: count,
  /** attended / counted (server/programme/attendance-counts.ts); null when nothing counted. */
  rate: z.number().min(0).max(1).nullable(),
});
export type AttendanceCounts = z.infer<typeof attendanceCountsSchema>;

/** `GET /api/sessions/{id}/roster`: everyone expected, with their entry (null: not yet recorded). */
export const rosterSchema = z.object({
  sessionId: idSchema,
  people: z.array(
    z.object({ personId: idSchema, name: z.string(), unitId: idSchema.nullable(), entry: attendanceEntrySchema.nullable() }),
  ),
  counts: attendanceCountsSchema,
});
export type Roster = z.infer<typeof rosterSchema>;

/** `GET /api/units/{id}/bulletin?month=YYYY-MM`: the monthly attendance bulletin (考勤通报). */
export const monthlyBulletinSchema = z.object({
  unitId: idSchema,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  sessions: z.array(z.object({ id: idSchema, date: dateSchema, kind: z.string(), topic: z.string() })),
  totals: attendanceCountsSchema,
  /** Everyone in the unit's subtree, ordered by name (never ranked). */
  people: z.array(z.object({ personId: idSchema, name: z.string(), unitId: idSchema.nullable(), counts: attendanceCountsSchema })),
  /** Each absence, leave and late arrival, by date, so the bulletin names them. */
  exceptions: z.array(
    z.object({
      personId: idSchema,
      name: z.string(),
      sessionId: idSchema,
      date: dateSchema,
      topic: z.string(),
      status: z.enum(['late', 'leave', 'absent', 'unrecorded']),
      reason: z.string(),
      madeUp: z.boolean(),
    }),
  ),
});
export type MonthlyBulletin = z.infer<typeof monthlyBulletinSchema>;

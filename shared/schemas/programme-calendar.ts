// The organisation's study calendar (周五学习日, 学习交流日 on the first Friday) with the admins' exceptions,
// and the sessions held on it, each crediting hours by the tariff.
import { z } from 'zod';
import { dateSchema, idSchema, instantSchema, linkUrlSchema } from './domain.ts';
import { holidaySchema, swappedWorkdaySchema } from './holiday-arrangement.ts';
import { creditRuleRefSchema } from './programme-settings.ts';

export const STUDY_DAY_KINDS = ['study-day', 'exchange-day'] as const;
export const studyDayKindSchema = z.enum(STUDY_DAY_KINDS);
export type StudyDayKind = z.infer<typeof studyDayKindSchema>;

/** An admin's change to the generated calendar: a study day cancelled (holiday) or moved to another date. */
export const calendarExceptionInputSchema = z
  .object({
    action: z.enum(['cancel', 'move']),
    /** The new date, for `move`. */
    movedTo: dateSchema.nullable().default(null),
    reason: z.string().trim().min(1).max(200),
  })
  .refine((e) => (e.action === 'move') === (e.movedTo !== null), {
    message: 'a move needs the new date, a cancellation none',
    path: ['movedTo'],
  });
export type CalendarExceptionInput = z.input<typeof calendarExceptionInputSchema>;

export const calendarExceptionSchema = z.object({
  /** The generated study day the exception applies to. */
  date: dateSchema,
  action: z.enum(['cancel', 'move']),
  movedTo: dateSchema.nullable(),
  reason: z.string(),
});
export type CalendarException = z.infer<typeof calendarExceptionSchema>;

export const studyDaySchema = z.object({
  date: dateSchema,
  kind: studyDayKindSchema,
  /** The Friday it was moved from, when an admin moved it. */
  movedFrom: dateSchema.nullable(),
  note: z.string(),
});
export type StudyDay = z.infer<typeof studyDaySchema>;

export const SESSION_KINDS = ['collective-study', 'exchange-day', 'special-lecture', 'training-batch', 'seminar'] as const;
export const sessionKindSchema = z.enum(SESSION_KINDS);
export type SessionKind = z.infer<typeof sessionKindSchema>;

/** How a session is credited: the tariff's half day or day, or its actual length. */
export const TARIFF_KINDS = ['half-day', 'day', 'actual'] as const;
export const tariffKindSchema = z.enum(TARIFF_KINDS);
export type TariffKind = z.infer<typeof tariffKindSchema>;

/** `POST /api/sessions` and `PUT /api/sessions/{id}`. The times are checked further on the server. */
export const sessionInputSchema = z.object({
  kind: sessionKindSchema,
  topic: z.string().trim().min(1).max(200),
  startsAt: instantSchema,
  endsAt: instantSchema,
  place: z.string().trim().max(200).default(''),
  link: linkUrlSchema(2048).nullable().default(null),
  organiserId: idSchema,
  /** Designated resources to read before or during the session. */
  materials: z.array(idSchema).max(20).default([]),
  /** Credited by the actual length unless a half or whole day is chosen (and the session is that long, or a reason is given). */
  tariff: tariffKindSchema.default('actual'),
  /** Why a half or whole day is credited for a shorter session. */
  tariffReason: z.string().trim().max(200).default(''),
  /** Who is expected: the people of these units and their sub-units. */
  unitIds: z.array(idSchema).min(1).max(100),
});

/** `DELETE /api/sessions/{id}` and the other withdrawals: why the record is undone (kept in the audit log). */
export const withdrawalInputSchema = z.object({ reason: z.string().trim().min(1).max(500) });

/** A cancelled session stays on record (with its attendance) but counts for nobody. */
export const sessionCancellationSchema = z.object({
  at: instantSchema,
  byId: idSchema,
  byName: z.string(),
  reason: z.string(),
});
export type SessionCancellation = z.infer<typeof sessionCancellationSchema>;
export type SessionInput = z.input<typeof sessionInputSchema>;

export const sessionSchema = z.object({
  id: idSchema,
  kind: sessionKindSchema,
  topic: z.string(),
  /** The local date of the session in the organisation's time zone. */
  date: dateSchema,
  startsAt: instantSchema,
  endsAt: instantSchema,
  place: z.string(),
  link: z.string().nullable(),
  organiserId: idSchema,
  materials: z.array(idSchema),
  tariff: tariffKindSchema,
  tariffReason: z.string(),
  creditedHours: z.number().min(0),
  /**
   * The version of the credit rules `creditedHours` follows (the one in force on `date`); null for a
   * session recorded before versions were kept. Absent from servers older than versions (an extension
   * may be newer than its server): read as null.
   */
  creditRule: creditRuleRefSchema.nullable().default(null),
  unitIds: z.array(idSchema),
  /** Set once the session is cancelled (it then counts for nobody); null while it stands. */
  cancelled: sessionCancellationSchema.nullable(),
  /** The check-in code; only the organiser, leaders over the roster and admins see it (null for others). */
  code: z.string().nullable(),
});
export type Session = z.infer<typeof sessionSchema>;

/** A month (or any range) of the calendar: the study days and the sessions the caller may see. */
export const calendarSchema = z.object({
  /** The organisation's time zone: session times are entered and shown in it. */
  timeZone: z.string(),
  from: dateSchema,
  to: dateSchema,
  days: z.array(studyDaySchema),
  sessions: z.array(sessionSchema),
  exceptions: z.array(calendarExceptionSchema),
  /** The holidays of the year's arrangement touching the range (a Friday inside one is no study day). */
  holidays: z.array(holidaySchema),
  /** The swapped working days (调休上班) in the range: working days, but no study days. */
  workdays: z.array(swappedWorkdaySchema),
});
export type Calendar = z.infer<typeof calendarSchema>;

// A closed year's records are read-only: every write dated in it is refused with 409 year_closed
// (naming the year) until an admin reopens it with a reason.
import { ERROR_CODES } from '../../shared/schemas/errors.ts';
import { ApiError } from './api-error.ts';
import type { ProgrammeStore } from '../store/programme/programme-store.ts';

/** Rejects when any of the years (or the years of the dates) is closed. */
export async function assertYearsOpen(programme: ProgrammeStore, ...yearsOrDates: (number | string)[]): Promise<void> {
  for (const value of yearsOrDates) {
    const year = typeof value === 'number' ? value : Number(value.slice(0, 4));
    if ((await programme.closedYear(year)) !== null) {
      throw new ApiError(409, ERROR_CODES.yearClosed, `The year ${year} is closed: its records are read-only until an admin reopens it`, { year: String(year) });
    }
  }
}

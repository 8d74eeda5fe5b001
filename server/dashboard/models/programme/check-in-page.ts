// What the check-in page remembers: the session last checked in to and how (the component puts it in
// words). It is cleared as the next code is sent, so an earlier answer never stands beside a new refusal.
import { useState } from 'preact/hooks';
import type { AttendanceStatus } from '../../../../shared/schemas/programme-attendance.ts';
import type { Api } from '../../api/endpoints.ts';
import type { FormFields } from '../form-fields.ts';
import { checkIn } from './programme-model.ts';

export interface CheckedIn {
  topic: string;
  status: AttendanceStatus;
}

/** The page's steps over any holder of the last answer: what to send, and what to keep once saved. */
export function checkInSteps(api: Api, set: (checkedIn: CheckedIn | null) => void) {
  return {
    send(form: FormFields) {
      set(null);
      return checkIn(api, form);
    },
    saved({ session, entry }: Awaited<ReturnType<typeof checkIn>>) {
      set({ topic: session.topic, status: entry.status });
    },
  };
}

export function useCheckInPage(api: Api) {
  const [checkedIn, setCheckedIn] = useState<CheckedIn | null>(null);
  return { checkedIn, ...checkInSteps(api, setCheckedIn) };
}

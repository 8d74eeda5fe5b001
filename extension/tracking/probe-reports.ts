// What the tracking probe (the content script on designated pages) reports to the background: its part of
// the background protocol (joined into messaging/protocol.ts), validated on arrival. Apart from
// probe-protocol.ts, which the probe loads at run time: the probe imports only the types from here, so it
// carries no validation library.
import { z } from 'zod';

/** Epoch milliseconds as a page reports them. */
const instantMs = z.number().int().min(0).max(8.64e15);

export const probeReportSchemas = [
  z.object({
    type: z.literal('pageState'),
    url: z.string().max(8192),
    visible: z.boolean(),
    mediaPlaying: z.boolean(),
    lastInputAt: instantMs.nullable(),
  }),
  z.object({ type: z.literal('presenceConfirmed') }),
  z.object({ type: z.literal('clockJumped'), from: instantMs, to: instantMs }),
] as const;

type ProbeReport = z.infer<(typeof probeReportSchemas)[number]>;
export type ProbeReportOf<K extends ProbeReport['type']> = Extract<ProbeReport, { type: K }>;

export interface ProbeReportProtocol {
  pageState: { request: ProbeReportOf<'pageState'>; response: null };
  presenceConfirmed: { request: ProbeReportOf<'presenceConfirmed'>; response: null };
  clockJumped: { request: ProbeReportOf<'clockJumped'>; response: null };
}

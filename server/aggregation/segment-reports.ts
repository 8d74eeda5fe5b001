// One person's segments over a range as the segments report lists them: each with what it was credited
// on its days and why not more. A segment the credits do not cover (none stored for it yet) reads as
// zero everywhere, never as fully credited.
import type { SegmentReport } from '../../shared/schemas/reports.ts';
import type { SegmentCredit } from './split-day-seconds.ts';

const NO_CREDIT: SegmentCredit = { rawSeconds: 0, creditedSeconds: 0, overlapSeconds: 0, dailyCapSeconds: 0 };

/** A stored segment as the report lists it (the store's segment records have these fields). */
export type ReportedSegment = Pick<SegmentReport, 'id' | 'resourceId' | 'url' | 'title' | 'mode' | 'deviceId'> & { startMs: number; endMs: number };

export function segmentReports(input: { segments: readonly ReportedSegment[]; credits: ReadonlyMap<string, SegmentCredit> }): SegmentReport[] {
  return input.segments.map((s) => {
    const credit = input.credits.get(s.id) ?? NO_CREDIT;
    return {
      id: s.id,
      resourceId: s.resourceId,
      url: s.url,
      title: s.title,
      startedAt: new Date(s.startMs).toISOString(),
      endedAt: new Date(s.endMs).toISOString(),
      mode: s.mode,
      deviceId: s.deviceId,
      rawSeconds: credit.rawSeconds,
      creditedSeconds: credit.creditedSeconds,
      discounts: { overlap: credit.overlapSeconds, daily_cap: credit.dailyCapSeconds, outside_allowlist: 0, invalid: 0 },
    };
  });
}

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { segmentReportSchema } from '../../shared/schemas/reports.ts';
import type { SegmentRecord } from '../store/store-contract.ts';
import { segmentReports } from './segment-reports.ts';

const start = Date.parse('2026-03-05T01:00:00Z');
const segment = (id: string, extra: Partial<SegmentRecord> = {}): SegmentRecord => ({
  id,
  personId: 'p1',
  deviceId: 'd1',
  resourceId: 'r1',
  url: 'https://example.org/a',
  title: 'A',
  startMs: start,
  endMs: start + 600_000,
  mode: 'reading',
  policyVersion: 1,
  receivedMs: start + 700_000,
  ...extra,
});

describe('segmentReports', () => {
  it('lists each segment in the given order with its credit and the reasons for what was not credited', () => {
    const credits = new Map([['s2', { rawSeconds: 600, creditedSeconds: 400, overlapSeconds: 150, dailyCapSeconds: 50 }]]);
    const body = z.array(segmentReportSchema).parse(segmentReports({ segments: [segment('s2', { deviceId: 'd2' }), segment('s1')], credits }));
    expect(body.map((s) => s.id)).toEqual(['s2', 's1']);
    expect(body[0]).toEqual({
      id: 's2',
      resourceId: 'r1',
      url: 'https://example.org/a',
      title: 'A',
      startedAt: '2026-03-05T01:00:00.000Z',
      endedAt: '2026-03-05T01:10:00.000Z',
      mode: 'reading',
      deviceId: 'd2',
      rawSeconds: 600,
      creditedSeconds: 400,
      discounts: { overlap: 150, daily_cap: 50, outside_allowlist: 0, invalid: 0 },
    });
  });

  it('reads a segment with no stored credit as zero, never as fully credited', () => {
    const [only] = segmentReports({ segments: [segment('s1')], credits: new Map() });
    expect(only).toMatchObject({ rawSeconds: 0, creditedSeconds: 0, discounts: { overlap: 0, daily_cap: 0, outside_allowlist: 0, invalid: 0 } });
  });

  it('is empty for no segments', () => {
    expect(segmentReports({ segments: [], credits: new Map() })).toEqual([]);
  });
});

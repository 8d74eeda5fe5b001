import { describe, expect, it } from 'vitest';
import { splitDaySeconds, type DayRefused, type DaySegment } from './split-day-seconds.ts';

const DAY = Date.parse('2026-03-05T16:00:00Z'); // 2026-03-06 00:00 in Asia/Shanghai
const END = DAY + 86_400_000;
const h = (hours: number) => DAY + hours * 3600_000;
const seg = (key: string, from: number, to: number, resourceId = 'r1'): DaySegment => ({ key, resourceId, startMs: from, endMs: to });
const credit = (segments: DaySegment[], refused: DayRefused[] = [], capSeconds = 8 * 3600) =>
  splitDaySeconds({ dayStartMs: DAY, dayEndMs: END, capSeconds, segments, refused });

describe('splitDaySeconds', () => {
  it('credits a lone segment in full', () => {
    const day = credit([seg('a', h(9), h(10))]);
    expect(day).toMatchObject({ rawSeconds: 3600, creditedSeconds: 3600, overlapSeconds: 0, dailyCapSeconds: 0 });
    expect(day.byResource).toEqual(new Map([['r1', 3600]]));
    expect(day.bySegment.get('a')).toEqual({ rawSeconds: 3600, creditedSeconds: 3600, overlapSeconds: 0, dailyCapSeconds: 0 });
  });

  it('counts the overlap of two devices once and says which segment lost it', () => {
    const day = credit([seg('laptop', h(9), h(10)), seg('phone', h(9.5), h(10.5), 'r2')]);
    expect(day).toMatchObject({ rawSeconds: 7200, creditedSeconds: 5400, overlapSeconds: 1800 });
    expect(day.bySegment.get('phone')).toEqual({ rawSeconds: 3600, creditedSeconds: 1800, overlapSeconds: 1800, dailyCapSeconds: 0 });
    expect(day.byResource).toEqual(new Map([['r1', 3600], ['r2', 1800]]));
  });

  it('cuts the latest time of the day at the cap', () => {
    const day = credit([seg('morning', h(8), h(12)), seg('afternoon', h(13), h(18))], [], 6 * 3600);
    expect(day).toMatchObject({ rawSeconds: 9 * 3600, creditedSeconds: 6 * 3600, dailyCapSeconds: 3 * 3600 });
    expect(day.bySegment.get('morning')!.creditedSeconds).toBe(4 * 3600);
    expect(day.bySegment.get('afternoon')).toEqual({ rawSeconds: 5 * 3600, creditedSeconds: 2 * 3600, overlapSeconds: 0, dailyCapSeconds: 3 * 3600 });
  });

  it('counts refused seconds as raw with their reason', () => {
    const day = credit([seg('a', h(9), h(9.5))], [
      { reason: 'outside_allowlist', startMs: h(10), endMs: h(10.25) },
      { reason: 'invalid', startMs: h(11), endMs: h(11.1) },
    ]);
    expect(day).toMatchObject({ rawSeconds: 1800 + 900 + 360, creditedSeconds: 1800, outsideAllowlistSeconds: 900, invalidSeconds: 360 });
  });

  it('only counts the part of a segment within the day', () => {
    const day = credit([seg('night', DAY - 1800_000, DAY + 600_000), seg('late', END - 60_000, END + 60_000)]);
    expect(day.rawSeconds).toBe(660);
    expect(day.bySegment.get('night')!.creditedSeconds).toBe(600);
  });

  it('floors on a grid from the day start so pieces add up', () => {
    const day = credit([seg('a', h(9) + 400, h(9) + 2600), seg('b', h(9) + 2600, h(9) + 4900, 'r2')]);
    // a covers 0.4–2.6 s, b 2.6–4.9 s: the grid gives 2 s and 2 s, total floor(4.9) − floor(0.4) = 4.
    expect(day.creditedSeconds).toBe(4);
    expect(day.rawSeconds).toBe(4);
  });

  it('always adds up: raw = credited + every discount, and per segment likewise', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const segments = Array.from({ length: 1 + Math.floor(rnd() * 12) }, (_, i) => {
        const start = DAY - 3600_000 + Math.floor(rnd() * 26 * 3600_000);
        return seg(`s${i}`, start, start + Math.floor(rnd() * 5 * 3600_000), `r${i % 3}`);
      });
      const refused: DayRefused[] = [{ reason: rnd() < 0.5 ? 'invalid' : 'outside_allowlist', startMs: h(rnd() * 20), endMs: h(21) }];
      const day = credit(segments, refused, Math.floor(rnd() * 10 * 3600));
      const discounts = day.overlapSeconds + day.dailyCapSeconds + day.outsideAllowlistSeconds + day.invalidSeconds;
      expect(day.rawSeconds).toBe(day.creditedSeconds + discounts);
      expect([...day.byResource.values()].reduce((a, b) => a + b, 0)).toBe(day.creditedSeconds);
      for (const s of day.bySegment.values()) {
        expect(s.rawSeconds).toBe(s.creditedSeconds + s.overlapSeconds + s.dailyCapSeconds);
        expect(Math.min(s.creditedSeconds, s.overlapSeconds, s.dailyCapSeconds)).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

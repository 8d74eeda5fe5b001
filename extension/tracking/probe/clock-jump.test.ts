import { describe, expect, it } from 'vitest';
import { detectJump } from './clock-jump.ts';

const TICK = 5_000;
const at = (wallMs: number, monoMs: number) => ({ wallMs, monoMs });

describe('detectJump', () => {
  it('sees nothing in a regular tick, nor in ordinary jitter', () => {
    expect(detectJump(at(1_000_000, 100), at(1_005_000, 5_100), TICK)).toBeNull();
    expect(detectJump(at(1_000_000, 100), at(1_007_500, 7_600), TICK)).toBeNull();
  });

  it('sees a sleep: the wall clock moved on, the monotonic clock did not', () => {
    expect(detectJump(at(1_000_000, 100), at(1_045_000, 5_100), TICK)).toEqual({ from: 1_000_000, to: 1_045_000 });
  });

  it('sees a clock set forward', () => {
    expect(detectJump(at(1_000_000, 100), at(4_600_000, 5_100), TICK)).toEqual({ from: 1_000_000, to: 4_600_000 });
  });

  it('sees a machine that stood still even where the monotonic clock kept counting', () => {
    expect(detectJump(at(1_000_000, 100), at(1_040_000, 40_100), TICK)).toEqual({ from: 1_000_000, to: 1_040_000 });
  });
});

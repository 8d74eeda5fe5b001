// The popup explains the two figures for today only when the person can see them differ.
import { describe, expect, it } from 'vitest';
import { todayFiguresDiffer, wholeMinutes } from './status-model.ts';

describe('today on this device and on the server', () => {
  it('shows whole minutes, rounded down', () => {
    expect([wholeMinutes(0), wholeMinutes(59.9), wholeMinutes(60), wholeMinutes(192)]).toEqual([0, 0, 1, 3]);
  });

  it('explains the figures only when their minutes differ, and never without the server', () => {
    expect(todayFiguresDiffer(120, null)).toBe(false);
    expect(todayFiguresDiffer(125.4, 121)).toBe(false);
    // The case that was reported: the popup said 2 min while the server had 3.2 min.
    expect(todayFiguresDiffer(156, 192)).toBe(true);
    expect(todayFiguresDiffer(180, 179)).toBe(true);
  });
});

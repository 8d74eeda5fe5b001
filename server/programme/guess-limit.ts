// Limits wrong check-in codes per person: a code is six characters from 31, so guessing is slow but
// not impossible; after `max` wrong codes within `windowMs` a person must wait. Pure apart from the
// map it keeps; the clock is passed in.
export class GuessLimit {
  private readonly misses = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** True when the person may try a code now. */
  allows(personId: string, nowMs: number): boolean {
    return this.recent(personId, nowMs).length < this.max;
  }

  recordMiss(personId: string, nowMs: number): void {
    this.misses.set(personId, [...this.recent(personId, nowMs), nowMs]);
  }

  private recent(personId: string, nowMs: number): number[] {
    const kept = (this.misses.get(personId) ?? []).filter((t) => t > nowMs - this.windowMs);
    if (kept.length === 0) this.misses.delete(personId);
    else this.misses.set(personId, kept);
    return kept;
  }
}

// A small queue in front of work that occupies one of libuv's four threads (password hashing): at most
// `slots` run at once and at most `waiting` wait, so a flood of sign-ins leaves threads free for the
// store's durable writes (the journal's fsync) and is turned away instead of piling up.

export class SlotQueue {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly slots: number,
    private readonly waiting: number,
  ) {}

  /** Runs `work` when a slot is free; null at once (nothing run) when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<{ value: T } | null> {
    if (this.running >= this.slots) {
      if (this.queue.length >= this.waiting) return null;
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.running++;
    }
    try {
      return { value: await work() };
    } finally {
      // The slot passes straight to the next in line, so `running` never dips and lets a newcomer jump the queue.
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }

  get busy(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.queue.length };
  }
}

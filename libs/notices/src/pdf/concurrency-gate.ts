/**
 * At most `limit` tasks run at once; the rest wait in arrival order. Counts what it does
 * (running now, the most ever running, how many waited) so a test or a metric can check the
 * cap rather than time it.
 */
export class ConcurrencyGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private peak = 0;
  private queued = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`concurrency limit must be a whole number ≥ 1 (got ${limit})`);
    }
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await task();
    } finally {
      this.leave();
    }
  }

  get stats(): { running: number; peak: number; waiting: number; queued: number } {
    return {
      running: this.running,
      peak: this.peak,
      waiting: this.waiting.length,
      queued: this.queued,
    };
  }

  private enter(): Promise<void> {
    if (this.running < this.limit) {
      this.take();
      return Promise.resolve();
    }
    this.queued += 1;
    // The slot is handed over by leave(), so a late arrival cannot overtake the queue.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private leave(): void {
    const next = this.waiting.shift();
    if (next) {
      next();
      return;
    }
    this.running -= 1;
  }

  private take(): void {
    this.running += 1;
    this.peak = Math.max(this.peak, this.running);
  }
}

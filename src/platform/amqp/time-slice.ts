import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Bounds how long a run of back-to-back work keeps the event loop: {@link pace}, called
 * between items, resolves at once until `budgetMs` have passed since the slice began, then
 * waits for the next turn of the event loop (so socket reads, timers and the writes the
 * work queued go first) and starts a new slice.
 */
export class TimeSlice {
  private startedAt = performance.now();

  constructor(private readonly budgetMs: number) {}

  /** Never rejects. */
  async pace(): Promise<void> {
    if (performance.now() - this.startedAt < this.budgetMs) return;
    await nextTurn();
    this.startedAt = performance.now();
  }
}

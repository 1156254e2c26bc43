import { deadlineExceeded } from '@chatterroom/kernel';

/** Told how many calls wait, whenever that changes, and of each call refused unstarted. */
export interface AdmissionObserver {
  waiting(count: number): void;
  shed(what: string): void;
}

const UNOBSERVED: AdmissionObserver = { waiting: () => undefined, shed: () => undefined };

interface Waiting {
  readonly start: () => void;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Admission control of a gRPC server: at most `limit` calls run at once, the others wait in
 * arrival order, and a waiting call whose deadline passes before its turn is refused with
 * DEADLINE_EXCEEDED without running (it touched nothing). Without it an overloaded service
 * starts every call at once, they share the database until all of them are late, and it answers
 * none in time while it keeps working on all of them; with it the calls that started finish in time
 * and the excess is refused untouched, so the service keeps answering at its capacity.
 * `limit` null: no limit. `observer` hears of the queue's length and of every refusal (metrics).
 */
export class CallAdmission {
  private running = 0;
  private readonly queue: Waiting[] = [];
  private head = 0;

  constructor(
    private readonly limit: number | null,
    private readonly observer: AdmissionObserver = UNOBSERVED,
  ) {}

  /** Calls waiting for their turn now. */
  get waiting(): number {
    return this.queue.length - this.head;
  }

  /** Runs `work` in its turn; DEADLINE_EXCEEDED (and `work` never called) when `deadline` (epoch ms) passes first. */
  async run<T>(deadline: number | undefined, what: string, work: () => Promise<T>): Promise<T> {
    if (this.limit === null) return work();
    if (this.running < this.limit) this.running += 1;
    else await this.turn(deadline, what);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private turn(deadline: number | undefined, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiting: Waiting = { start: resolve, timer: undefined };
      if (deadline !== undefined) {
        waiting.timer = setTimeout(() => {
          this.forget(waiting);
          this.observer.shed(what);
          reject(deadlineExceeded(what));
        }, Math.max(0, deadline - Date.now()));
      }
      this.queue.push(waiting);
      this.observer.waiting(this.waiting);
    });
  }

  /** Hands the slot to the next waiting call, or frees it. */
  private release(): void {
    const next = this.shift();
    if (next === undefined) {
      this.running -= 1;
      return;
    }
    clearTimeout(next.timer);
    this.observer.waiting(this.waiting);
    next.start();
  }

  private shift(): Waiting | undefined {
    if (this.head >= this.queue.length) return undefined;
    const next = this.queue[this.head] as Waiting;
    this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return next;
  }

  private forget(waiting: Waiting): void {
    const index = this.queue.indexOf(waiting, this.head);
    if (index >= 0) this.queue.splice(index, 1);
    this.observer.waiting(this.waiting);
  }
}

import type { EventHandler, Subscription } from '../event-bus.port';
import { matchesEventType } from '../event-type-matcher';
import type { IntegrationEvent } from '../integration-event';

/** An event as the in-memory hub carries it: serialized once, parsed per delivery. */
export interface Letter {
  readonly json: string;
  readonly id: string;
  readonly type: string;
  /** 1 for the first delivery, 2 for the one retry. */
  readonly attempt: number;
}

/**
 * One subscriber's FIFO queue, drained one event at a time and never inside `post`. A drain
 * starts in a microtask of its immediate, so every letter it handles (while handlers finish
 * without real waits) runs in one microtask checkpoint: what a subscriber defers to
 * `process.nextTick` (the gateway's write coalescing) happens once per drain, after all of
 * them, not once after the first letter and again after the rest.
 */
export class Mailbox {
  private readonly letters: Letter[] = [];
  private draining = false;
  private open = true;

  constructor(
    readonly subscription: Subscription,
    private readonly handler: EventHandler,
    private readonly onFailure: (mailbox: Mailbox, letter: Letter, error: unknown) => void,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  accepts(type: string): boolean {
    return this.subscription.types.some((pattern) => matchesEventType(pattern, type));
  }

  post(letter: Letter): void {
    if (!this.open) return;
    this.letters.push(letter);
    if (this.draining) return;
    this.draining = true;
    setImmediate(this.startDrain);
  }

  close(): void {
    this.open = false;
    this.letters.length = 0;
  }

  private readonly startDrain = (): void => {
    void Promise.resolve().then(() => this.drain());
  };

  private async drain(): Promise<void> {
    for (let letter = this.letters.shift(); letter && this.open; letter = this.letters.shift()) {
      try {
        await this.handler(JSON.parse(letter.json) as IntegrationEvent);
      } catch (error) {
        this.onFailure(this, letter, error);
      }
    }
    this.draining = false;
  }
}

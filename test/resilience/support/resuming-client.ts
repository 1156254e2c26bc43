import { eventually, type ChatSocket, type TestUser } from '@chatterroom/test/harness/system';
import { lastCursorOf, resumeUntilResumed } from './delivery-tally';

/**
 * One user's client as a careful app keeps it: one socket at a time, and whenever it is closed
 * (its gateway died, or the server closed it with 1013 after a replay it could not finish) a new
 * one resumes from the cursor of the last event received. Every socket it ever had is kept, so
 * what it received can be counted over all of them.
 */
export class ResumingClient {
  readonly sockets: ChatSocket[] = [];

  constructor(private readonly user: TestUser) {}

  get userId(): number {
    return this.user.userId;
  }

  /** The cursor of the last event any of its sockets received (or of the first `ready`). */
  lastCursor(): string | undefined {
    for (let index = this.sockets.length - 1; index >= 0; index -= 1) {
      const cursor = lastCursorOf(this.sockets[index]!);
      if (cursor !== undefined) return cursor;
    }
    return undefined;
  }

  get isOpen(): boolean {
    return this.sockets.at(-1)?.isOpen ?? false;
  }

  /** Opens its first socket on `gateway`, retrying a refused upgrade. */
  async connect(gateway: number, timeoutMs = 240_000): Promise<void> {
    this.sockets.push(await eventually(() => this.user.ws({ gateway, timeoutMs: 60_000 }), { timeoutMs, intervalMs: 500 }));
  }

  /** When it has no open socket: resumes on `gateway` from its last cursor, until a socket says `resumed`. */
  async reopen(gateway: number): Promise<void> {
    if (this.isOpen) return;
    const since = this.lastCursor();
    if (since === undefined) return this.connect(gateway);
    await resumeUntilResumed((from) => this.user.ws({ gateway, since: from, timeoutMs: 60_000 }), since, this.sockets);
  }

  /** Waits (polling) until `done()` holds, reopening on `gateway` whenever its socket was closed meanwhile. */
  async until(gateway: number, done: () => boolean, what: string, timeoutMs = 240_000): Promise<void> {
    await eventually(async () => {
      if (done()) return;
      await this.reopen(gateway);
      if (!done()) throw new Error(`client of user ${this.userId}: ${what}`);
    }, { timeoutMs, intervalMs: 250 });
  }
}

import { eventually, uniqueText, type TestUser } from '@chatterroom/test/harness/system';
import { sendUntilAcknowledged } from './acknowledged-sends';

/**
 * Senders that each post to a room, one message after another, until told to stop, retrying
 * each with its clientMessageId until it is acknowledged (through a kill and restart too).
 * Keeps every acknowledged text, in the order the acknowledgements came.
 */
export class SteadySenders {
  readonly acknowledged: string[] = [];
  private running = true;
  private readonly loops: Promise<void>[];

  constructor(senders: readonly TestUser[], roomId: number, retryForMs = 240_000) {
    this.loops = senders.map(async (sender, senderIndex) => {
      for (let index = 0; this.running; index += 1) {
        const text = uniqueText(`steady ${senderIndex}-${index}`);
        await sendUntilAcknowledged(sender, roomId, text, retryForMs);
        this.acknowledged.push(text);
      }
    });
  }

  /** Resolves once `count` more messages than now have been acknowledged (polling, up to `timeoutMs`). */
  async moreAcknowledged(count: number, timeoutMs = 240_000): Promise<void> {
    const wanted = this.acknowledged.length + count;
    await eventually(() => {
      if (this.acknowledged.length < wanted) throw new Error(`${this.acknowledged.length} of ${wanted} messages acknowledged`);
    }, { timeoutMs, intervalMs: 100 });
  }

  /** Stops after each sender's message in flight is acknowledged; every acknowledged text. */
  async stop(): Promise<string[]> {
    this.running = false;
    await Promise.all(this.loops);
    return [...this.acknowledged];
  }
}

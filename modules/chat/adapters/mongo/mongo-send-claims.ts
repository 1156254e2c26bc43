import type { MikroORM } from '@mikro-orm/mongodb';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo';
import { UnorderedInsertCombiner } from './insert-combiner';

/** One document per claim of a keyed send: `_id` is `<messageId>#<generation>`. */
export const SEND_CLAIMS = 'message_send_claims';

/** How long a claim holds before another replica may take the send over (its holder is presumed dead). */
export const CLAIM_HOLDS_MS = 5_000;

interface SendClaimDocument {
  _id: string;
  at: Date;
}

/** One generation of a send's claim: held by this process, or contested (held by another writer). */
export interface SendClaim {
  readonly messageId: string;
  readonly generation: number;
}

/**
 * Who stores a keyed send (one with a clientMessageId, hence a derived messageId) when its
 * retries reach several replicas at once: the first to insert the claim `<messageId>#1`
 * (`_id` uniqueness, atomic on MongoDB and FerretDB). The others wait for its message; when it
 * has not appeared {@link CLAIM_HOLDS_MS} after the claim, the first of them to insert
 * `<messageId>#2` takes the send over, and so on. So a send takes a seq only when its writer
 * holds the claim: no two replicas take seqs for one send (short of a holder that stalls longer
 * than the hold and then still stores; the `_id` index refuses its twin then).
 */
export class MongoSendClaims {
  private readonly inserts = new UnorderedInsertCombiner(() => this.collection());

  constructor(private readonly orm: MikroORM) {}

  /** Claims the sends (first generation); returns the messageIds another writer holds. */
  async claim(messageIds: readonly string[]): Promise<Set<string>> {
    const refused = await this.inserts.insert(messageIds.map((messageId) => claimOf({ messageId, generation: 1 })));
    return new Set(messageIds.filter((_, index) => refused.has(index)));
  }

  /**
   * Waits until `stored()` finds the send's message (returned), or its claim is stale and this
   * process claims the next generation (returns the claim then held, to store the send itself).
   */
  async awaitHolder<T>(contested: SendClaim, stored: () => Promise<T | null>): Promise<{ stored: T } | { held: SendClaim }> {
    let holder: SendClaim = contested;
    let holdsUntil = await this.holdsUntil(holder);
    for (let pauseMs = 5; ; pauseMs = Math.min(pauseMs * 2, 100)) {
      const message = await stored();
      if (message !== null) return { stored: message };
      if (Date.now() >= holdsUntil) {
        const next = { messageId: holder.messageId, generation: holder.generation + 1 };
        if (await this.claimOne(next)) return { held: next };
        holder = next;
        holdsUntil = await this.holdsUntil(holder);
      }
      await pause(pauseMs);
    }
  }

  /** Gives up claims whose sends were not stored (the append failed), so a retry need not wait for them. */
  async release(held: readonly SendClaim[]): Promise<void> {
    await Promise.all(held.map((claim) => this.collection().deleteOne({ _id: idOf(claim) })));
  }

  private async claimOne(claim: SendClaim): Promise<boolean> {
    try {
      await this.collection().insertOne(claimOf(claim));
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** When a claim stops holding: its age by the holder's clock, and at most the hold from now (clocks differ). */
  private async holdsUntil(claim: SendClaim): Promise<number> {
    const found = await this.collection().findOne({ _id: idOf(claim) });
    const now = Date.now();
    return Math.min(now, found?.at.getTime() ?? now) + CLAIM_HOLDS_MS;
  }

  private collection() {
    return this.orm.em.getConnection().getDb().collection<SendClaimDocument>(SEND_CLAIMS);
  }
}

const idOf = ({ messageId, generation }: SendClaim): string => `${messageId}#${generation}`;

const claimOf = (claim: SendClaim): SendClaimDocument => ({ _id: idOf(claim), at: new Date() });

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

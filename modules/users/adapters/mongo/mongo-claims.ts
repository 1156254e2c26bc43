import type { MikroORM } from '@mikro-orm/mongodb';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo';

/** One claim: its `_id` names what was claimed (a ticket, a refresh token of a session). */
interface ClaimDocument {
  _id: string;
  claimedAt: Date;
}

/**
 * Single-use claims arbitrated by the unique `_id` of a `claims` collection: of any number
 * of concurrent claims of one name, across processes, exactly one insert succeeds.
 * FerretDB runs `findOneAndUpdate`/`findOneAndDelete` without isolation (concurrent callers
 * all "win"), but it refuses a duplicate `_id`, as MongoDB does. Claims older than a day
 * are deleted as new ones are made (what they guard is single use well within that).
 */
export class MongoClaims {
  private lastSweep = 0;

  constructor(private readonly deps: { mongoOrm: MikroORM }) {}

  /** True for the first claim of `name`, false for every later or concurrent one. */
  async claim(name: string): Promise<boolean> {
    await this.sweep();
    try {
      await this.collection().insertOne({ _id: name, claimedAt: new Date() });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  private async sweep(): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    await this.collection().deleteMany({ claimedAt: { $lt: new Date(now - 86_400_000) } });
  }

  private collection() {
    return this.deps.mongoOrm.em.getCollection<ClaimDocument>('single_use_claims');
  }
}

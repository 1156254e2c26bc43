import type { MikroORM } from '@mikro-orm/mongodb';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo/duplicate-key';

/** The one document of `chat_relay_cursor`: every event at or below `through` is published. */
interface RelayCursorDocument {
  _id: 'published';
  through: number;
}

const CURSOR_ID = 'published';
const COLLECTION = 'chat_relay_cursor';

/**
 * How far the chat event log is published, as one position in one document: the relays
 * publish in position order, so a batch is marked by moving this cursor (one write whatever
 * the batch's size) instead of flagging each event. FerretDB's SQLite backend runs every
 * update statement as its own write, so flagging a batch of N events held the database for N
 * writes (a batch of 107 took 22 s on this machine under load, and every send behind it
 * passed its deadline). The cursor only moves forward (`$max`), so several relays may move it.
 * Found by `_id`, the lookup FerretDB pushes down. No index: the collection has one document.
 */
export class RelayCursor {
  constructor(private readonly orm: MikroORM) {}

  /** The highest position known published; 0 before any relay moved the cursor. */
  async publishedThrough(): Promise<number> {
    const found = await this.collection().findOne({ _id: CURSOR_ID });
    return found?.through ?? 0;
  }

  /** Moves the cursor to `position` unless it is already there or beyond. Idempotent. */
  async advance(position: number): Promise<void> {
    const update = { $max: { through: position } };
    try {
      await this.collection().updateOne({ _id: CURSOR_ID }, update, { upsert: true });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      await this.collection().updateOne({ _id: CURSOR_ID }, update);
    }
  }

  private collection() {
    return this.orm.em.getConnection().getCollection<RelayCursorDocument>(COLLECTION);
  }
}

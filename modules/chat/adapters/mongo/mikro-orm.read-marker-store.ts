import type { MikroORM } from '@mikro-orm/mongodb';
import { KeyedSerialQueue } from '@chatterroom/kernel';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo/duplicate-key';
import type { ConversationKey, MarkerAdvance, ReadMarkerStore } from '../../ports';
import { readMarkerSchema, type ReadMarkerDocument } from './read-marker.schema';

const idOf = (userId: number, conversation: ConversationKey): string => `${userId}|${conversation}`;

/**
 * {@link ReadMarkerStore} on MongoDB: one `read_markers` document per (user, conversation),
 * advanced with `$max` in a findOneAndUpdate that answers the document before, which says
 * whether this call moved it. Two first advances racing on the insert: the loser's `_id`
 * clash is retried as an update. Within a process, advances of one marker run one at a time
 * (FerretDB runs updates as unisolated read-modify-writes).
 */
export class MikroOrmReadMarkerStore implements ReadMarkerStore {
  private readonly orm: MikroORM;
  private readonly advances = new KeyedSerialQueue();

  constructor(deps: { mongoOrm: MikroORM }) {
    this.orm = deps.mongoOrm;
  }

  advance(userId: number, conversation: ConversationKey, seq: number): Promise<MarkerAdvance> {
    const _id = idOf(userId, conversation);
    return this.advances.run(_id, async () => {
      const before = await this.maxInto(_id, { userId, conversation, seq });
      const was = before?.seq ?? 0;
      return seq > was ? { seq, moved: true } : { seq: was, moved: false };
    });
  }

  async markersOf(userId: number, conversations: readonly ConversationKey[]): Promise<Map<ConversationKey, number>> {
    if (conversations.length === 0) return new Map();
    const found = await this.collection()
      .find({ userId, conversation: { $in: [...new Set(conversations)] } })
      .toArray();
    return new Map(found.map((marker) => [marker.conversation, marker.seq]));
  }

  async readersOf(conversation: ConversationKey, userIds: readonly number[]): Promise<Map<number, number>> {
    if (userIds.length === 0) return new Map();
    const found = await this.collection()
      .find({ conversation, userId: { $in: [...new Set(userIds)] } })
      .toArray();
    return new Map(found.map((marker) => [marker.userId, marker.seq]));
  }

  private async maxInto(_id: string, marker: Omit<ReadMarkerDocument, '_id'>): Promise<ReadMarkerDocument | null> {
    const update = { $max: { seq: marker.seq }, $set: { userId: marker.userId, conversation: marker.conversation } };
    try {
      return await this.collection().findOneAndUpdate({ _id }, update, { upsert: true, returnDocument: 'before' });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return this.collection().findOneAndUpdate({ _id }, update, { returnDocument: 'before' });
    }
  }

  private collection() {
    return this.orm.em.getCollection<ReadMarkerDocument>(readMarkerSchema);
  }
}

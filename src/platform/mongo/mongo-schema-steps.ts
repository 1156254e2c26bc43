import type { MikroORM } from '@mikro-orm/mongodb';

/**
 * One step of a MongoDB database's schema (its collections and indexes). Versions count
 * 1, 2, 3... and a released step is never edited. Steps must be idempotent: replicas starting
 * together may run one twice before either records it.
 */
export interface MongoSchemaStep {
  readonly version: number;
  readonly description: string;
  apply(orm: MikroORM): Promise<void>;
}

/**
 * The schema steps of every ChatterRoom database (the monolith's, the user service's and the
 * chat service's): each applies to the collections of the schemas its ORM was opened with.
 */
export const MONGO_SCHEMA_STEPS: readonly MongoSchemaStep[] = [
  {
    version: 1,
    description: "collections and indexes declared by the modules' schemas (unique keys, history order, membership)",
    apply: (orm) => orm.schema.ensureIndexes(),
  },
  {
    version: 2,
    description:
      'rooms get roles (issue 10): the new membership index; members written before get role "member" and their room\'s creation time as joinedAt, and each room\'s creator (still a member) becomes its owner',
    apply: async (orm) => {
      await orm.schema.ensureIndexes();
      const db = orm.em.getConnection().getDb();
      const members = db.collection('room_members');
      const rooms = await db.collection<{ _id: number; createdBy: number; createdAt: Date }>('rooms').find({}).toArray();
      for (const room of rooms) {
        await members.updateMany({ roomId: room._id, role: { $exists: false } }, { $set: { role: 'member', joinedAt: room.createdAt } });
        if ((await members.countDocuments({ roomId: room._id, role: 'owner' })) === 0) {
          await members.updateOne({ roomId: room._id, userId: room.createdBy }, { $set: { role: 'owner' } });
        }
      }
    },
  },
  {
    version: 3,
    description: 'conversation summaries (by participant) and read markers (by user and by conversation)',
    apply: (orm) => orm.schema.ensureIndexes(),
  },
  {
    version: 4,
    description: 'the chat event log and its outbox (chat_events: unique position, audience + position, unpublished; chat_outbox: recording order)',
    apply: (orm) => orm.schema.ensureIndexes(),
  },
  {
    version: 5,
    description:
      'one owner per room: each owner document gets ownerOf = its roomId (an extra owner, none should exist, becomes an admin), then the sparse unique index on ownerOf',
    apply: async (orm) => {
      const members = orm.em.getConnection().getDb().collection<{ roomId: number; role: string; ownerOf?: number }>('room_members');
      const owners = await members.find({ role: 'owner', ownerOf: { $exists: false } }).sort({ joinedAt: 1, userId: 1 }).toArray();
      const owned = new Set((await members.find({ ownerOf: { $exists: true } }).toArray()).map((owner) => owner.roomId));
      for (const owner of owners) {
        if (owned.has(owner.roomId)) await members.updateOne({ _id: owner._id }, { $set: { role: 'admin' } });
        else await members.updateOne({ _id: owner._id }, { $set: { ownerOf: owner.roomId } });
        owned.add(owner.roomId);
      }
      await orm.schema.ensureIndexes();
    },
  },
  {
    version: 6,
    description:
      'deleted messages indexed by (conversation, seq) in conversation_deletions, filled from the tombstones already stored, so unread counts leave them out',
    apply: async (orm) => {
      await orm.schema.ensureIndexes();
      const db = orm.em.getConnection().getDb();
      const tombstones = db.collection<{ conversation: string; seq: number }>('messages').find({ deleted: true }, { projection: { conversation: 1, seq: 1 } });
      const deletions = db.collection<{ _id: string; conversation: string; seq: number }>('conversation_deletions');
      for await (const { conversation, seq } of tombstones) {
        await deletions.updateOne({ _id: `${conversation}#${seq}` }, { $set: { conversation, seq } }, { upsert: true });
      }
    },
  },
  {
    version: 7,
    description:
      'seqs are claimed by marker documents above the counter seq:<conversation> (issue 13): each counter is raised to its conversation\'s highest stored seq, as FerretDB may have lost increments',
    apply: async (orm) => {
      const db = orm.em.getConnection().getDb();
      const highest = new Map<string, number>();
      for await (const { conversation, seq } of db.collection<{ conversation: string; seq: number }>('messages').find({}, { projection: { conversation: 1, seq: 1 } })) {
        highest.set(conversation, Math.max(seq, highest.get(conversation) ?? 0));
      }
      const counters = db.collection<{ _id: string; value: number }>('counters');
      for (const [conversation, seq] of highest) await counters.updateOne({ _id: `seq:${conversation}` }, { $max: { value: seq } }, { upsert: true });
    },
  },
];

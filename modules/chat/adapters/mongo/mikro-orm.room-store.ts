import type { MikroORM } from '@mikro-orm/mongodb';
import { INT32_MAX } from '@chatterroom/kernel';
import { MongoCounters } from '@chatterroom/platform/mongo/mongo-counters';
import type { NewRoom, PublicRoomQuery, RoomChanges, RoomStore, StoredRoom } from '../../ports';
import { roomSchema, type RoomDocument } from './room.schema';

const ROOM_ID_COUNTER = 'roomId';

/**
 * {@link RoomStore} on MongoDB through MikroORM: one `rooms` document per room, its `_id`
 * the roomId taken from the shared `roomId` counter. `_id` being unique, a value the counter
 * handed out twice (FerretDB under concurrency) is refused and the next one tried.
 * `createdAt` is stored as a BSON date and returned as an ISO string. The public directory
 * walks `_id` upwards from `after` matching the name with a case-insensitive, escaped regex;
 * a document without `visibility` (written before schema step 2) is public.
 */
export class MikroOrmRoomStore implements RoomStore {
  private readonly orm: MikroORM;
  private readonly counters: MongoCounters;

  constructor(deps: { mongoOrm: MikroORM }) {
    this.orm = deps.mongoOrm;
    this.counters = new MongoCounters(deps.mongoOrm);
  }

  async create(room: NewRoom): Promise<StoredRoom> {
    return this.counters.insertWithNext({
      counter: ROOM_ID_COUNTER,
      insert: async (roomId) => {
        if (roomId > INT32_MAX) throw new Error('No roomId left: the int32 range is used up');
        const document: RoomDocument = {
          _id: roomId,
          name: room.name,
          createdBy: room.createdBy,
          createdAt: new Date(room.createdAt),
          visibility: room.visibility,
        };
        await this.orm.em.fork().insert(roomSchema, document);
        return toStoredRoom(document);
      },
      onDuplicate: async () => undefined,
      highestTaken: async () => {
        const [newest] = await this.orm.em.fork().find(roomSchema, {}, { orderBy: { _id: 'desc' }, fields: ['_id'], limit: 1 });
        return newest?._id ?? 0;
      },
    });
  }

  async findById(roomId: number): Promise<StoredRoom | null> {
    const found = await this.orm.em.fork().findOne(roomSchema, { _id: roomId });
    return found === null ? null : toStoredRoom(found);
  }

  async findManyByIds(roomIds: readonly number[]): Promise<StoredRoom[]> {
    if (roomIds.length === 0) return [];
    const found = await this.orm.em.fork().find(roomSchema, { _id: { $in: [...new Set(roomIds)] } }, { orderBy: { _id: 'asc' } });
    return found.map(toStoredRoom);
  }

  async update(roomId: number, changes: RoomChanges): Promise<StoredRoom | null> {
    const set = {
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.visibility === undefined ? {} : { visibility: changes.visibility }),
    };
    if (Object.keys(set).length > 0) await this.orm.em.fork().nativeUpdate(roomSchema, { _id: roomId }, set);
    return this.findById(roomId);
  }

  async delete(roomId: number): Promise<boolean> {
    return (await this.orm.em.fork().nativeDelete(roomSchema, { _id: roomId })) > 0;
  }

  async listPublic(query: PublicRoomQuery): Promise<StoredRoom[]> {
    if (query.limit < 1) return [];
    const text = query.query ?? '';
    const where = {
      _id: { $gt: query.after ?? 0 },
      visibility: { $ne: 'private' as const },
      ...(text === '' ? {} : { name: new RegExp(escapeRegExp(text), 'i') }),
    };
    const found = await this.orm.em.fork().find(roomSchema, where, { orderBy: { _id: 'asc' }, limit: query.limit });
    return found.map(toStoredRoom);
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const toStoredRoom = (document: RoomDocument): StoredRoom => ({
  roomId: document._id,
  name: document.name,
  createdBy: document.createdBy,
  createdAt: document.createdAt.toISOString(),
  visibility: document.visibility === 'private' ? 'private' : 'public',
});

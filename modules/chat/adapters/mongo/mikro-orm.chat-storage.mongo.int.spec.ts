import { randomUUID } from 'node:crypto';
import { isPositiveInt32 } from '@chatterroom/kernel';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { closeMongoOrm, createMongoOrm, type MongoOrm } from '@chatterroom/platform/mongo/create-mongo-orm';
import { counterSchema } from '@chatterroom/platform/mongo/counter.schema';
import { roomConversation } from '../../domain/conversation-key';
import type { NewMessage } from '../../ports';
import { MikroOrmMessageStore } from './mikro-orm.message-store';
import { MikroOrmRoomMembership } from './mikro-orm.room-membership';
import { MikroOrmRoomStore } from './mikro-orm.room-store';
import { chatEntities } from '.';

const roomMessage = (roomId: number, text: string, clientMessageId?: string): NewMessage => ({
  conversation: roomConversation(roomId),
  kind: 'room',
  senderId: 3,
  roomId,
  message: text,
  timestamp: new Date().toISOString(),
  ...(clientMessageId === undefined ? {} : { clientMessageId }),
});

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('MikroORM chat storage on one database shared by replicas', () => {
  let url: string;
  const opened: MongoOrm[] = [];
  const open = async () => {
    const mongoOrm = await createMongoOrm({ clientUrl: url, entities: chatEntities });
    opened.push(mongoOrm);
    const deps = { mongoOrm };
    return { rooms: new MikroOrmRoomStore(deps), membership: new MikroOrmRoomMembership(deps), messages: new MikroOrmMessageStore(deps) };
  };
  const indexesOf = async (collection: string) =>
    new Map((await opened[0]!.em.getConnection().getCollection(collection).listIndexes().toArray()).map((index) => [index.name as string, index]));

  beforeEach(() => {
    url = mongoTestUrl('chat_replicas');
  });

  afterEach(async () => {
    await opened.at(-1)?.em.getConnection().getDb().dropDatabase();
    for (const orm of opened.splice(0)) await closeMongoOrm(orm);
  });

  it('creates the paging, idempotency and membership indexes at start', async () => {
    await open();
    const messages = await indexesOf('messages');
    expect(messages.get('messages_conversation_seq_unique')).toMatchObject({ key: { conversation: 1, seq: -1 }, unique: true });
    expect(messages.get('messages_dedupe_key_unique')).toMatchObject({ key: { dedupeKey: 1 }, unique: true });
    const members = await indexesOf('room_members');
    expect(members.get('room_members_room_user_unique')).toMatchObject({ key: { roomId: 1, userId: 1 }, unique: true });
    expect(members.get('room_members_user_room')).toMatchObject({ key: { userId: 1, roomId: 1 } });
  });

  it('gives two replicas creating rooms at once distinct roomIds', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const rooms = await Promise.all(
      range(1, 30).map((i) => (i % 2 === 0 ? a : b).rooms.create({ name: `r${i}`, createdBy: 1, createdAt: new Date().toISOString(), visibility: 'public' })),
    );
    expect(rooms.every((room) => isPositiveInt32(room.roomId))).toBe(true);
    expect(new Set(rooms.map((room) => room.roomId)).size).toBe(30);
  });

  it('gives two replicas appending to one conversation at once exactly the seqs 1..30', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const results = await Promise.all(range(1, 30).map((i) => (i % 2 === 0 ? a : b).messages.append(roomMessage(7, `m${i}`))));
    expect(results.map((result) => result.message.seq).sort((x, y) => x - y)).toEqual(range(1, 30));
    expect((await a.messages.page({ conversation: roomConversation(7), limit: 50 })).map((m) => m.seq)).toEqual(range(1, 30));
  });

  it('stores one message when two replicas append the same clientMessageId at once', async () => {
    const [a, b] = await Promise.all([open(), open()]);
    const clientMessageId = randomUUID();
    const results = await Promise.all(range(1, 6).map((i) => (i % 2 === 0 ? a : b).messages.append(roomMessage(8, 'once', clientMessageId))));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.message.messageId)).size).toBe(1);
    expect(await b.messages.page({ conversation: roomConversation(8), limit: 10 })).toHaveLength(1);
  });

  it('goes on with the next seq when the counter lags behind the stored messages', async () => {
    const { messages } = await open();
    for (const text of ['1', '2', '3']) await messages.append(roomMessage(9, text));
    await opened[0]!.em.getCollection(counterSchema).updateOne({ _id: 'seq:room:9' }, { $set: { value: 0 } });
    expect((await messages.append(roomMessage(9, '4'))).message.seq).toBe(4);
  });

  it('keeps rooms, members and messages across a restart, and numbering goes on', async () => {
    const before = await open();
    const room = await before.rooms.create({ name: 'kept', createdBy: 5, createdAt: new Date().toISOString(), visibility: 'public' });
    await before.membership.add(room.roomId, 5);
    const { message } = await before.messages.append(roomMessage(room.roomId, 'kept', randomUUID()));
    await closeMongoOrm(opened[0]!);

    const after = await open();
    expect(await after.rooms.findById(room.roomId)).toEqual(room);
    expect(await after.membership.members(room.roomId)).toEqual([5]);
    expect(await after.messages.findInConversation(roomConversation(room.roomId), message.messageId)).toEqual(message);
    expect(await after.messages.append(roomMessage(room.roomId, 'again', message.clientMessageId))).toEqual({ message, created: false });
    expect((await after.messages.append(roomMessage(room.roomId, 'next'))).message.seq).toBe(2);
    expect((await after.rooms.create({ name: 'new', createdBy: 5, createdAt: new Date().toISOString(), visibility: 'public' })).roomId).toBeGreaterThan(room.roomId);
  });
});

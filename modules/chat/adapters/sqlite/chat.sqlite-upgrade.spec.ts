import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate, schemaVersionOf, SqliteDatabase } from '@chatterroom/platform/sqlite';
import { scratchDir } from '@chatterroom/test/kits/sqlite/sqlite-scratch';
import { chatSqliteMigrations } from './chat.sqlite-migrations';
import { SqliteMessageStore } from './sqlite.message-store';
import { SqliteRoomMembership } from './sqlite.room-membership';
import { SqliteRoomStore } from './sqlite.room-store';

const AT = '2026-01-02T03:04:05.000Z';

/** A chat.db as schema version 1 wrote it: the v1 DDL and rows inserted the way v1 stored them. */
const writeVersion1File = (file: string): void => {
  const db = new DatabaseSync(file);
  migrate(db, chatSqliteMigrations.slice(0, 1), file);
  db.exec(`
    INSERT INTO rooms (room_id, name, created_by, created_at) VALUES (1, 'general', 3, '${AT}'), (2, 'random', 4, '${AT}');
    INSERT INTO room_members (room_id, user_id) VALUES (1, 3), (1, 4), (2, 4);
    INSERT INTO messages (message_id, conversation, seq, kind, sender_id, recipient_id, room_id, message, timestamp, client_message_id) VALUES
      ('m-1', 'room:1', 1, 'room', 3, NULL, 1, 'first', '${AT}', 'c-1'),
      ('m-2', 'room:1', 2, 'room', 4, NULL, 1, 'second', '${AT}', NULL),
      ('m-3', 'private:3:4', 1, 'private', 3, 4, NULL, 'psst', '${AT}', NULL);
  `);
  db.close();
};

describe('chat.db written by schema version 1, opened by this build', () => {
  let dir: string;
  let database: SqliteDatabase;
  let rooms: SqliteRoomStore;
  let membership: SqliteRoomMembership;
  let messages: SqliteMessageStore;

  beforeAll(() => {
    dir = scratchDir('chat-upgrade');
    const file = join(dir, 'chat.db');
    writeVersion1File(file);
    database = SqliteDatabase.open({ file, migrations: chatSqliteMigrations });
    rooms = new SqliteRoomStore({ chatSqlite: database });
    membership = new SqliteRoomMembership({ chatSqlite: database });
    messages = new SqliteMessageStore({ chatSqlite: database });
  });

  afterAll(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is migrated from version 1 to the latest, recorded in the file', () => {
    expect(database.migration).toEqual({ from: 1, to: chatSqliteMigrations.length });
    expect(schemaVersionOf(database.db)).toBe(chatSqliteMigrations.length);
  });

  it('keeps the rooms, members and messages', async () => {
    expect(await rooms.findManyByIds([1, 2])).toEqual([
      { roomId: 1, name: 'general', createdBy: 3, createdAt: AT, visibility: 'public' },
      { roomId: 2, name: 'random', createdBy: 4, createdAt: AT, visibility: 'public' },
    ]);
    expect(await membership.members(1)).toEqual([3, 4]);
    expect(await membership.roomsOf(4)).toEqual([1, 2]);
    expect(await messages.page({ conversation: 'room:1', limit: 10 })).toEqual([
      { messageId: 'm-1', kind: 'room', senderId: 3, roomId: 1, message: 'first', timestamp: AT, seq: 1, clientMessageId: 'c-1' },
      { messageId: 'm-2', kind: 'room', senderId: 4, roomId: 1, message: 'second', timestamp: AT, seq: 2 },
    ]);
    expect(await messages.findInConversation('private:3:4', 'm-3')).toEqual({
      messageId: 'm-3', kind: 'private', senderId: 3, recipientId: 4, message: 'psst', timestamp: AT, seq: 1,
    });
  });

  it('goes on numbering each conversation after its stored messages, and keeps clientMessageIds idempotent', async () => {
    const retried = await messages.append({ conversation: 'room:1', kind: 'room', senderId: 3, roomId: 1, message: 'again', timestamp: AT, clientMessageId: 'c-1' });
    expect(retried).toEqual({ message: expect.objectContaining({ messageId: 'm-1', seq: 1 }), created: false });
    const inRoom = await messages.append({ conversation: 'room:1', kind: 'room', senderId: 4, roomId: 1, message: 'third', timestamp: AT });
    const inPrivate = await messages.append({ conversation: 'private:3:4', kind: 'private', senderId: 4, recipientId: 3, message: 'hi', timestamp: AT });
    expect([inRoom.message.seq, inPrivate.message.seq]).toEqual([3, 2]);
  });

  it("makes each room's creator its owner, the others members joined when the room was made, every room public", async () => {
    expect(await membership.page(1, { limit: 10 })).toEqual([
      { userId: 3, role: 'owner', joinedAt: AT },
      { userId: 4, role: 'member', joinedAt: AT },
    ]);
    expect(await membership.roleOf(2, 4)).toBe('owner');
    expect(await rooms.listPublic({ query: 'GENERAL', limit: 10 })).toEqual([expect.objectContaining({ roomId: 1, visibility: 'public' })]);
  });

  it('hands out roomIds after the stored ones', async () => {
    expect((await rooms.create({ name: 'new', createdBy: 3, createdAt: AT, visibility: 'public' })).roomId).toBe(3);
  });
});

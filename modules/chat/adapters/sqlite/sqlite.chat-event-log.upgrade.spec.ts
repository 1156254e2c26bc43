import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate, SqliteDatabase } from '@chatterroom/platform/sqlite';
import { scratchDir } from '@chatterroom/test/kits/sqlite/sqlite-scratch';
import { chatSqliteMigrations } from './chat.sqlite-migrations';
import { SqliteChatEventLog } from './sqlite.chat-event-log';

const AT = '2026-01-02T03:04:05.000Z';
/** The last schema version before room events: events named their whole audience, and repeated it in the payload. */
const BEFORE_ROOM_EVENTS = 8;

describe('chat events recorded before room events existed (schema 8), read by this build', () => {
  let dir: string;
  let database: SqliteDatabase;
  let log: SqliteChatEventLog;

  beforeAll(() => {
    dir = scratchDir('chat-events-upgrade');
    const file = join(dir, 'chat.db');
    const old = new DatabaseSync(file);
    migrate(old, chatSqliteMigrations.slice(0, BEFORE_ROOM_EVENTS), file);
    old.exec(`
      INSERT INTO chat_events (event_id, type, occurred_at, payload, audience, published) VALUES
        ('e-1', 'chat.room-member-joined.v1', '${AT}', '{"roomId":1,"userId":4,"audience":[3,4]}', '[3,4]', 1),
        ('e-2', 'chat.message-posted.v1', '${AT}', '{"message":{"roomId":1},"audience":[3,4]}', '[3,4]', 1),
        ('e-3', 'chat.room-member-left.v1', '${AT}', '{"roomId":1,"userId":4,"audience":[3,4]}', '[3,4]', 1),
        ('e-4', 'chat.message-posted.v1', '${AT}', '{"message":{"roomId":1},"audience":[3]}', '[3]', 0);
    `);
    old.close();
    database = SqliteDatabase.open({ file, migrations: chatSqliteMigrations });
    log = new SqliteChatEventLog({ chatSqlite: database });
  });

  afterAll(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replays each event to the audience it was recorded with, whatever the reader\'s rooms now', async () => {
    expect((await log.readFor(4, 0, 10, [])).map((event) => event.id)).toEqual(['e-1', 'e-2', 'e-3']);
    expect((await log.readFor(3, 0, 10, [1])).map((event) => event.id)).toEqual(['e-1', 'e-2', 'e-3', 'e-4']);
    expect(await log.readFor(5, 0, 10, [1])).toEqual([]);
  });

  it('hands out an unpublished old event as it was stored, then goes on with room events after it', async () => {
    expect(await log.nextToPublish(10)).toEqual([
      { id: 'e-4', type: 'chat.message-posted.v1', occurredAt: AT, payload: { message: { roomId: 1 }, audience: [3] }, audience: [3], position: 4 },
    ]);
    await log.record({ id: 'e-5', type: 'chat.message-posted.v1', occurredAt: AT, payload: { message: { roomId: 1 } }, audience: [], roomId: 1 });
    expect((await log.readFor(3, 0, 10, [1])).map((event) => event.id)).toEqual(['e-1', 'e-2', 'e-3', 'e-4', 'e-5']);
    expect((await log.readFor(4, 0, 10, [])).map((event) => event.id)).toEqual(['e-1', 'e-2', 'e-3']);
  });
});

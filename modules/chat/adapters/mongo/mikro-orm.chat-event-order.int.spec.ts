import { randomUUID } from 'node:crypto';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { openScratchOrm, type ScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import { roomConversation } from '../../domain/conversation-key';
import type { MessageAnnouncement } from '../../ports';
import { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
import { MikroOrmMessageStore } from './mikro-orm.message-store';
import { chatEntities } from '.';

const ROOM = 41;

const announcementOf = (): MessageAnnouncement => ({
  id: randomUUID(),
  type: 'chat.message-posted.v1',
  occurredAt: new Date().toISOString(),
  audience: [1, 2],
  payloadOf: (message) => ({ message, audience: [1, 2] }),
});

const eventOf = (type: string) => ({ id: randomUUID(), type, occurredAt: new Date().toISOString(), payload: { roomId: ROOM, audience: [1, 2] }, audience: [1, 2] });

/**
 * The order of the MongoDB event log (outbox, then positions) against the writes it describes:
 * a message's event waits for its message, every later event of the conversation waits behind
 * it, and deleting the conversation's history does not strand what was announced before.
 */
describe('MikroORM chat event log: events in order with the messages of their conversation', () => {
  let scratch: ScratchOrm;
  let log: MikroOrmChatEventLog;
  let messages: MikroOrmMessageStore;

  beforeEach(async () => {
    scratch = await openScratchOrm(mongoTestUrl('chat_event_order'), chatEntities);
    log = new MikroOrmChatEventLog({ mongoOrm: scratch.orm });
    messages = new MikroOrmMessageStore({ mongoOrm: scratch.orm, chatEventLog: log });
  });

  afterEach(async () => {
    await scratch.dispose();
  });

  const send = (text: string) =>
    messages.append(
      { conversation: roomConversation(ROOM), kind: 'room', senderId: 1, roomId: ROOM, message: text, timestamp: new Date().toISOString() },
      announcementOf(),
    );

  it('holds a membership change recorded behind a message whose insert is under way until the message is stored', async () => {
    const intent = { ...eventOf('chat.message-posted.v1'), id: randomUUID() };
    await log.recordIntent(intent, 'message-not-stored-yet');
    await log.record(eventOf('chat.room-member-removed.v1'));
    expect(await log.nextToPublish(10)).toEqual([]);
  });

  it('publishes the stored messages of a deleted room, then the membership change and the deletion, in that order and at once', async () => {
    const first = await send('one');
    const second = await send('two');
    await log.record(eventOf('chat.room-member-removed.v1'));
    await messages.deleteConversation(roomConversation(ROOM));
    await log.record(eventOf('chat.room-deleted.v1'));
    const published = await log.nextToPublish(10);
    expect(published.map((event) => event.type)).toEqual(['chat.message-posted.v1', 'chat.message-posted.v1', 'chat.room-member-removed.v1', 'chat.room-deleted.v1']);
    expect(published.slice(0, 2).map((event) => (event.payload as { message: { messageId: string } }).message.messageId)).toEqual([
      first.message.messageId,
      second.message.messageId,
    ]);
    expect(published.map((event) => event.position)).toEqual([1, 2, 3, 4].map((step) => published[0]!.position + step - 1));
  });
});

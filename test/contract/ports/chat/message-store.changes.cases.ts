import { randomUUID } from 'node:crypto';
import { roomConversation } from '@chatterroom/chat/domain/conversation-key';
import type { MessageStore } from '@chatterroom/chat/ports';

const freshRoomId = (): number => 1_000_000_000 + Math.floor(Math.random() * 1_000_000_000);

/** Edits and tombstones of the {@link MessageStore} contract (part of describeMessageStoreContract). */
export const describeMessageChangeCases = (store: () => MessageStore): void => {
  const appendIn = async (roomId: number, text: string, clientMessageId?: string) =>
    (
      await store().append({
        conversation: roomConversation(roomId),
        kind: 'room',
        senderId: 7,
        roomId,
        message: text,
        timestamp: new Date().toISOString(),
        ...(clientMessageId === undefined ? {} : { clientMessageId }),
      })
    ).message;

  describe('edits and deletes', () => {
    it('finds a message by id alone, and null for an unknown id', async () => {
      const message = await appendIn(freshRoomId(), 'by id');
      expect(await store().findById(message.messageId)).toEqual(message);
      expect(await store().findById(randomUUID())).toBeNull();
    });

    it('edits the text in place: same seq, editedAt set, seen by pages and lookups', async () => {
      const roomId = freshRoomId();
      const [first, second] = [await appendIn(roomId, 'one'), await appendIn(roomId, 'two')];
      const editedAt = new Date(Date.now() + 1000).toISOString();
      const edited = await store().edit({ messageId: first.messageId, message: 'one, edited', editedAt });
      expect(edited).toEqual({ ...first, message: 'one, edited', editedAt });
      expect(await store().page({ conversation: roomConversation(roomId), limit: 10 })).toEqual([edited, second]);
      expect(await store().findById(first.messageId)).toEqual(edited);
    });

    it('does not edit an unknown message', async () => {
      expect(await store().edit({ messageId: randomUUID(), message: 'x', editedAt: new Date().toISOString() })).toBeNull();
    });

    it('turns a message into a tombstone at the same seq, once', async () => {
      const roomId = freshRoomId();
      const clientMessageId = randomUUID();
      const [first, second] = [await appendIn(roomId, 'secret', clientMessageId), await appendIn(roomId, 'stays')];
      await store().edit({ messageId: first.messageId, message: 'secret 2', editedAt: new Date().toISOString() });
      const removed = await store().tombstone(first.messageId);
      const tombstone = { ...first, message: '', deleted: true };
      expect(removed).toEqual({ message: tombstone, deletedNow: true });
      expect(await store().tombstone(first.messageId)).toEqual({ message: tombstone, deletedNow: false });
      expect(await store().page({ conversation: roomConversation(roomId), limit: 10 })).toEqual([tombstone, second]);
      expect(await store().findById(first.messageId)).toEqual(tombstone);
    });

    it('never edits a tombstone back to life', async () => {
      const message = await appendIn(freshRoomId(), 'gone');
      await store().tombstone(message.messageId);
      expect(await store().edit({ messageId: message.messageId, message: 'back', editedAt: new Date().toISOString() })).toBeNull();
      expect((await store().findById(message.messageId))?.message).toBe('');
    });

    it('reports only one of concurrent deletes as deleting now', async () => {
      const message = await appendIn(freshRoomId(), 'raced');
      const results = await Promise.all(Array.from({ length: 4 }, () => store().tombstone(message.messageId)));
      expect(results.filter((result) => result?.deletedNow)).toHaveLength(1);
    });

    it('does not delete an unknown message', async () => {
      expect(await store().tombstone(randomUUID())).toBeNull();
    });

    it('answers a retried send of a deleted message with its tombstone, storing nothing new', async () => {
      const roomId = freshRoomId();
      const clientMessageId = randomUUID();
      const message = await appendIn(roomId, 'retried later', clientMessageId);
      await store().tombstone(message.messageId);
      const retry = await store().append({
        conversation: roomConversation(roomId),
        kind: 'room',
        senderId: 7,
        roomId,
        message: 'retried later',
        timestamp: new Date().toISOString(),
        clientMessageId,
      });
      expect(retry).toEqual({ message: { ...message, message: '', deleted: true }, created: false });
    });
  });
};

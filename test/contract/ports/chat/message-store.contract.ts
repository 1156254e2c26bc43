import { randomUUID } from 'node:crypto';
import { privateConversation } from '@chatterroom/chat/domain/conversation-key';
import type { ChatEventLog, MessageStore } from '@chatterroom/chat/ports';
import { describeMessageChangeCases } from './message-store.changes.cases';
import { describeAppendBatchCases } from './message-store.batch.cases';
import { announcementFor, freshId, freshRoom, roomMessage } from './message-store.fixtures';

export interface MessageStoreSubject {
  readonly store: MessageStore;
  /** The event log the store records announcements in. */
  readonly eventLog: ChatEventLog;
  close(): Promise<void>;
}

/**
 * The {@link MessageStore} contract, run against every adapter. Every test writes to
 * conversations of random ids, so messages already stored do not matter.
 */
export const describeMessageStoreContract = (name: string, makeSubject: () => Promise<MessageStoreSubject>): void => {
  describe(`MessageStore contract: ${name}`, () => {
    let subject: MessageStoreSubject;
    const store = (): MessageStore => subject.store;
    const appendTexts = async (roomId: number, texts: readonly string[]) => {
      const stored = [];
      for (const text of texts) stored.push((await store().append(roomMessage(roomId, 7, text))).message);
      return stored;
    };

    beforeAll(async () => {
      subject = await makeSubject();
    });
    afterAll(async () => {
      await subject.close();
    });

    it('records the announcement of a created message with it, the payload made from the stored message', async () => {
      const { roomId } = freshRoom();
      const reader = freshId();
      const announcement = announcementFor([reader]);
      const { message } = await store().append(roomMessage(roomId, 5, 'announced'), announcement);
      const pending = await subject.eventLog.nextToPublish(500);
      const event = pending.find((candidate) => candidate.id === announcement.id);
      expect(event).toEqual({
        id: announcement.id,
        type: announcement.type,
        occurredAt: announcement.occurredAt,
        audience: [reader],
        payload: { message, audience: [reader] },
        position: expect.any(Number),
      });
      expect(await subject.eventLog.readFor(reader, 0, 10)).toEqual([event]);
      await subject.eventLog.markPublished(pending.map((candidate) => candidate.id));
    });

    it('records no announcement for a retried send, which returns the earlier message', async () => {
      const { roomId } = freshRoom();
      const reader = freshId();
      const clientMessageId = randomUUID();
      await store().append(roomMessage(roomId, 5, 'once', clientMessageId), announcementFor([reader]));
      const retry = await store().append(roomMessage(roomId, 5, 'once', clientMessageId), announcementFor([reader]));
      expect(retry.created).toBe(false);
      const pending = await subject.eventLog.nextToPublish(500);
      expect(await subject.eventLog.readFor(reader, 0, 10)).toHaveLength(1);
      await subject.eventLog.markPublished(pending.map((candidate) => candidate.id));
    });

    it('stores a room message with a new messageId and seq 1, all fields kept', async () => {
      const { roomId } = freshRoom();
      const input = roomMessage(roomId, 5, '  hello  ', randomUUID());
      const { message, created } = await store().append(input);
      expect(created).toBe(true);
      expect(typeof message.messageId).toBe('string');
      expect(message.messageId.length).toBeGreaterThan(0);
      const { conversation: _conversation, ...fields } = input;
      expect(message).toEqual({ ...fields, messageId: message.messageId, seq: 1 });
    });

    it('stores a private message with its recipient and no roomId or clientMessageId', async () => {
      const [senderId, recipientId] = [freshId(), freshId()];
      const timestamp = new Date().toISOString();
      const conversation = privateConversation(senderId, recipientId);
      const { message } = await store().append({ conversation, kind: 'private', senderId, recipientId, message: 'hi', timestamp });
      expect(message).toEqual({ messageId: message.messageId, kind: 'private', senderId, recipientId, message: 'hi', timestamp, seq: 1 });
      expect(message.roomId).toBeUndefined();
      expect(message.clientMessageId).toBeUndefined();
      expect(await store().page({ conversation, limit: 10 })).toEqual([message]);
    });

    it('numbers each conversation on its own: 1, 2, 3...', async () => {
      const [a, b] = [freshRoom(), freshRoom()];
      const inA = await appendTexts(a.roomId, ['a1', 'a2', 'a3']);
      const inB = await appendTexts(b.roomId, ['b1', 'b2']);
      expect(inA.map((m) => m.seq)).toEqual([1, 2, 3]);
      expect(inB.map((m) => m.seq)).toEqual([1, 2]);
      expect(new Set([...inA, ...inB].map((m) => m.messageId)).size).toBe(5);
    });

    it('gives concurrent appends to one conversation exactly the seqs 1..20', async () => {
      const { roomId, conversation } = freshRoom();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store().append(roomMessage(roomId, 1 + (i % 3), `m${i}`))),
      );
      expect(results.every((r) => r.created)).toBe(true);
      expect(results.map((r) => r.message.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const page = await store().page({ conversation, limit: 20 });
      expect(page.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('returns the earlier message, created false, for the same sender and clientMessageId', async () => {
      const { roomId, conversation } = freshRoom();
      const clientMessageId = randomUUID();
      const first = await store().append(roomMessage(roomId, 9, 'once', clientMessageId));
      const again = await store().append(roomMessage(roomId, 9, 'once, retried', clientMessageId));
      expect(again).toEqual({ message: first.message, created: false });
      expect(await store().page({ conversation, limit: 10 })).toEqual([first.message]);
    });

    it('keeps a sender clientMessageId idempotent across conversations', async () => {
      const [a, b] = [freshRoom(), freshRoom()];
      const clientMessageId = randomUUID();
      const first = await store().append(roomMessage(a.roomId, 9, 'once', clientMessageId));
      const again = await store().append(roomMessage(b.roomId, 9, 'elsewhere', clientMessageId));
      expect(again).toEqual({ message: first.message, created: false });
      expect(await store().page({ conversation: b.conversation, limit: 10 })).toEqual([]);
    });

    it('stores a new message when another sender uses the same clientMessageId', async () => {
      const { roomId } = freshRoom();
      const clientMessageId = randomUUID();
      const first = await store().append(roomMessage(roomId, 9, 'mine', clientMessageId));
      const other = await store().append(roomMessage(roomId, 10, 'yours', clientMessageId));
      expect(other.created).toBe(true);
      expect(other.message.messageId).not.toBe(first.message.messageId);
      expect(other.message).toMatchObject({ senderId: 10, message: 'yours', seq: 2, clientMessageId });
    });

    it('stores one message for concurrent appends with one sender and clientMessageId', async () => {
      const { roomId, conversation } = freshRoom();
      const clientMessageId = randomUUID();
      const results = await Promise.all(Array.from({ length: 5 }, () => store().append(roomMessage(roomId, 9, 'x', clientMessageId))));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.message.messageId)).size).toBe(1);
      expect(await store().page({ conversation, limit: 10 })).toHaveLength(1);
    });

    it('pages the newest messages, oldest first', async () => {
      const { roomId, conversation } = freshRoom();
      const stored = await appendTexts(roomId, ['1', '2', '3', '4', '5']);
      expect(await store().page({ conversation, limit: 3 })).toEqual(stored.slice(2));
      expect(await store().page({ conversation, limit: 200 })).toEqual(stored);
    });

    it('pages below beforeSeq', async () => {
      const { roomId, conversation } = freshRoom();
      const stored = await appendTexts(roomId, ['1', '2', '3', '4', '5', '6']);
      expect(await store().page({ conversation, beforeSeq: 5, limit: 2 })).toEqual(stored.slice(2, 4));
      expect(await store().page({ conversation, beforeSeq: 3, limit: 10 })).toEqual(stored.slice(0, 2));
      expect(await store().page({ conversation, beforeSeq: 1, limit: 10 })).toEqual([]);
    });

    it('pages forwards above afterSeq, oldest first', async () => {
      const { roomId, conversation } = freshRoom();
      const stored = await appendTexts(roomId, ['1', '2', '3', '4', '5']);
      expect(await store().page({ conversation, afterSeq: 2, limit: 2 })).toEqual(stored.slice(2, 4));
      expect(await store().page({ conversation, afterSeq: 3, limit: 10 })).toEqual(stored.slice(3));
      expect(await store().page({ conversation, afterSeq: 5, limit: 10 })).toEqual([]);
      expect(await store().page({ conversation, afterSeq: 0, limit: 1 })).toEqual(stored.slice(0, 1));
    });

    it('pages an unknown conversation as empty', async () => {
      expect(await store().page({ conversation: freshRoom().conversation, limit: 50 })).toEqual([]);
    });

    it('finds a message only in its own conversation', async () => {
      const [a, b] = [freshRoom(), freshRoom()];
      const [message] = await appendTexts(a.roomId, ['findable']);
      expect(await store().findInConversation(a.conversation, message!.messageId)).toEqual(message);
      expect(await store().findInConversation(b.conversation, message!.messageId)).toBeNull();
      expect(await store().findInConversation(a.conversation, randomUUID())).toBeNull();
    });

    it('returns copies: changing a returned message changes nothing stored', async () => {
      const { roomId, conversation } = freshRoom();
      const [message] = await appendTexts(roomId, ['original']);
      (message as { message: string }).message = 'tampered';
      const [paged] = await store().page({ conversation, limit: 1 });
      expect(paged?.message).toBe('original');
      (paged as { message: string }).message = 'tampered';
      expect((await store().findInConversation(conversation, message!.messageId))?.message).toBe('original');
    });

    it("deletes a conversation's messages and no other's", async () => {
      const [gone, kept] = [freshRoom(), freshRoom()];
      const [message] = await appendTexts(gone.roomId, ['one', 'two']);
      const [other] = await appendTexts(kept.roomId, ['stays']);
      await store().deleteConversation(gone.conversation);
      await store().deleteConversation(gone.conversation);
      expect(await store().page({ conversation: gone.conversation, limit: 10 })).toEqual([]);
      expect(await store().findInConversation(gone.conversation, message!.messageId)).toBeNull();
      expect(await store().page({ conversation: kept.conversation, limit: 10 })).toEqual([other]);
    });

    describeMessageChangeCases(store);
    describeAppendBatchCases(() => subject);
  });
};

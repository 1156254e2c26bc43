import { randomUUID } from 'node:crypto';
import { UNKNOWN_ID, expectDomainError, strangerId } from './chat-api.subject';
import type { ChatApiSubject } from './chat-api.subject';

const isIsoTimestamp = (value: string): boolean => new Date(value).toISOString() === value;

export const describePrivateMessagingCases = (subject: () => ChatApiSubject): void => {
  describe('private messages', () => {
    const users = () => subject().existingUserIds;
    const send = (fromUserId: number, toUserId: number, message: string, clientMessageId?: string) =>
      subject().messaging.sendPrivateMessage({ fromUserId, toUserId, message, ...(clientMessageId ? { clientMessageId } : {}) });
    const history = (fromUserId: number, toUserId: number, paging: { before?: string; limit?: number } = { limit: 200 }) =>
      subject().messaging.getPrivateHistory({ fromUserId, toUserId, ...paging });

    it('stores and returns the message as given', async () => {
      const [a, b] = users();
      const clientMessageId = randomUUID();
      const sent = await send(a, b, '  Hello there  ', clientMessageId);
      expect(sent).toMatchObject({ kind: 'private', senderId: a, recipientId: b, message: '  Hello there  ', clientMessageId });
      expect(sent.roomId).toBeUndefined();
      expect(sent.messageId).toEqual(expect.any(String));
      expect(sent.messageId.length).toBeGreaterThan(0);
      expect(Number.isInteger(sent.seq) && sent.seq >= 1).toBe(true);
      expect(isIsoTimestamp(sent.timestamp)).toBe(true);
    });

    it('shows the conversation to both users, whatever the direction, oldest first', async () => {
      const [a, b] = users();
      const first = await send(a, b, `to b ${randomUUID()}`);
      const second = await send(b, a, `to a ${randomUUID()}`);
      expect(second.seq).toBe(first.seq + 1);
      expect((await history(a, b, { limit: 2 }))).toEqual([first, second]);
      expect((await history(b, a, { limit: 2 }))).toEqual([first, second]);
    });

    it('keeps conversations apart: a third user sees none of it', async () => {
      const [a, b, c] = users();
      const sent = await send(a, b, `secret ${randomUUID()}`);
      expect(await history(c, a)).not.toContainEqual(sent);
      expect(await history(c, b)).not.toContainEqual(sent);
    });

    it('lets a user write to themself, in a conversation of their own', async () => {
      const [a, b] = users();
      const note = await send(a, a, `note ${randomUUID()}`);
      expect(note).toMatchObject({ senderId: a, recipientId: a });
      expect(await history(a, a)).toContainEqual(note);
      expect(await history(a, b)).not.toContainEqual(note);
    });

    it('rejects an unknown recipient and stores nothing', async () => {
      const [a] = users();
      await expectDomainError(send(a, UNKNOWN_ID, 'anyone there?'), 'CHAT_RECIPIENT_NOT_FOUND', 'not-found');
      expect(await history(a, UNKNOWN_ID)).toEqual([]);
    });

    it('answers an empty history with a user one never wrote to', async () => {
      const [a] = users();
      expect(await history(a, strangerId())).toEqual([]);
    });

    it('returns the original message when the sender retries with the same clientMessageId', async () => {
      const [a, b] = users();
      const clientMessageId = randomUUID();
      const original = await send(a, b, 'only once', clientMessageId);
      const retry = await send(a, b, 'only once', clientMessageId);
      expect(retry).toEqual(original);
      const page = await history(a, b);
      expect(page.filter((m) => m.clientMessageId === clientMessageId)).toEqual([original]);
    });

    it('stores a new message when another sender uses the same clientMessageId', async () => {
      const [a, b] = users();
      const clientMessageId = randomUUID();
      const fromA = await send(a, b, 'from a', clientMessageId);
      const fromB = await send(b, a, 'from b', clientMessageId);
      expect(fromB.messageId).not.toBe(fromA.messageId);
      expect(fromB).toMatchObject({ senderId: b, message: 'from b', clientMessageId });
    });

    it('pages backwards from a cursor: the newest messages older than it, oldest first', async () => {
      const [a, b] = users();
      const sent = [];
      for (let i = 1; i <= 5; i += 1) sent.push(await send(i % 2 ? a : b, i % 2 ? b : a, `page ${i} ${randomUUID()}`));
      expect(await history(a, b, { before: sent[4]!.messageId, limit: 3 })).toEqual(sent.slice(1, 4));
      expect(await history(b, a, { before: sent[1]!.messageId, limit: 1 })).toEqual([sent[0]]);
    });

    it('rejects a cursor that is not a message of this conversation', async () => {
      const [a, b, c] = users();
      const elsewhere = await send(a, c, `elsewhere ${randomUUID()}`);
      const code = 'CHAT_INVALID_CURSOR';
      await expectDomainError(history(a, b, { before: elsewhere.messageId }), code, 'invalid');
      await expectDomainError(history(a, b, { before: randomUUID() }), code, 'invalid');
      await expectDomainError(history(a, b, { before: 'not-a-message-id' }), code, 'invalid');
    });
  });
};

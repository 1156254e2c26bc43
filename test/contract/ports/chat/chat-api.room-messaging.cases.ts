import { randomUUID } from 'node:crypto';
import { UNKNOWN_ID, expectDomainError } from './chat-api.subject';
import type { ChatApiSubject } from './chat-api.subject';

export const describeRoomMessagingCases = (subject: () => ChatApiSubject): void => {
  describe('room messages', () => {
    const users = () => subject().existingUserIds;
    const newRoom = async (...joiners: number[]) => {
      const [creator] = users();
      const { roomId } = await subject().rooms.createRoom({ roomName: `room ${randomUUID()}`, userId: creator });
      for (const userId of joiners) await subject().rooms.joinRoom({ roomId, userId });
      return roomId;
    };
    const send = (userId: number, roomId: number, message: string, clientMessageId?: string) =>
      subject().messaging.sendRoomMessage({ userId, roomId, message, ...(clientMessageId ? { clientMessageId } : {}) });
    const sendMany = async (userId: number, roomId: number, count: number) => {
      const sent = [];
      for (let i = 1; i <= count; i += 1) sent.push(await send(userId, roomId, `message ${i}`));
      return sent;
    };
    const history = (userId: number, roomId: number, paging: { before?: string; limit?: number } = {}) =>
      subject().messaging.getRoomHistory({ userId, roomId, ...paging });

    it('stores a member message as given, numbered from 1 in a new room', async () => {
      const [a] = users();
      const roomId = await newRoom();
      const sent = await send(a, roomId, ' hi all ');
      expect(sent).toMatchObject({ kind: 'room', roomId, senderId: a, message: ' hi all ', seq: 1 });
      expect(sent.recipientId).toBeUndefined();
      expect(sent.clientMessageId).toBeUndefined();
      expect(new Date(sent.timestamp).toISOString()).toBe(sent.timestamp);
    });

    it('shows every member the same history, oldest first', async () => {
      const [a, b] = users();
      const roomId = await newRoom(b);
      const first = await send(a, roomId, 'first');
      const second = await send(b, roomId, 'second');
      expect(second.seq).toBe(2);
      expect(await history(a, roomId)).toEqual([first, second]);
      expect(await history(b, roomId)).toEqual([first, second]);
    });

    it('keeps rooms apart', async () => {
      const [a] = users();
      const [roomA, roomB] = [await newRoom(), await newRoom()];
      await send(a, roomA, 'in A');
      expect(await history(a, roomB)).toEqual([]);
    });

    it('refuses a non-member, to send or to read', async () => {
      const [a, , c] = users();
      const roomId = await newRoom();
      await send(a, roomId, 'members only');
      await expectDomainError(send(c, roomId, 'let me in'), 'CHAT_NOT_A_ROOM_MEMBER', 'forbidden');
      await expectDomainError(history(c, roomId), 'CHAT_NOT_A_ROOM_MEMBER', 'forbidden');
      expect(await history(a, roomId)).toHaveLength(1);
    });

    it('refuses a member who left', async () => {
      const [a, b] = users();
      const roomId = await newRoom(b);
      await subject().rooms.leaveRoom({ roomId, userId: b });
      await expectDomainError(send(b, roomId, 'still here?'), 'CHAT_NOT_A_ROOM_MEMBER', 'forbidden');
      await expectDomainError(history(b, roomId), 'CHAT_NOT_A_ROOM_MEMBER', 'forbidden');
      expect(await history(a, roomId)).toEqual([]);
    });

    it('answers an unknown room with CHAT_ROOM_NOT_FOUND', async () => {
      const [a] = users();
      await expectDomainError(send(a, UNKNOWN_ID, 'hello?'), 'CHAT_ROOM_NOT_FOUND', 'not-found');
      await expectDomainError(history(a, UNKNOWN_ID), 'CHAT_ROOM_NOT_FOUND', 'not-found');
    });

    it('returns the original message when the sender retries with the same clientMessageId', async () => {
      const [a] = users();
      const roomId = await newRoom();
      const clientMessageId = randomUUID();
      const original = await send(a, roomId, 'once', clientMessageId);
      expect(original.clientMessageId).toBe(clientMessageId);
      expect(await send(a, roomId, 'once', clientMessageId)).toEqual(original);
      expect(await history(a, roomId)).toEqual([original]);
    });

    it('counts text in code points: 4000 emoji fit, stored as given', async () => {
      const [a] = users();
      const roomId = await newRoom();
      const text = '\u{1F600}'.repeat(4000);
      const sent = await send(a, roomId, text);
      expect(sent.message).toBe(text);
      await expectDomainError(send(a, roomId, '\u{1F600}'.repeat(4001)), 'VALIDATION_FAILED', 'invalid');
    });

    it('returns the newest 50 messages by default', async () => {
      const [a] = users();
      const roomId = await newRoom();
      const sent = await sendMany(a, roomId, 51);
      expect(await history(a, roomId)).toEqual(sent.slice(1));
    });

    it('pages backwards with before and limit, oldest first', async () => {
      const [a, b] = users();
      const roomId = await newRoom(b);
      const sent = await sendMany(a, roomId, 6);
      expect(await history(b, roomId, { limit: 2 })).toEqual(sent.slice(4));
      expect(await history(b, roomId, { before: sent[4]!.messageId, limit: 2 })).toEqual(sent.slice(2, 4));
      expect(await history(b, roomId, { before: sent[2]!.messageId, limit: 200 })).toEqual(sent.slice(0, 2));
      expect(await history(b, roomId, { before: sent[0]!.messageId })).toEqual([]);
    });

    it('rejects a cursor from another room or from a private conversation', async () => {
      const [a, b] = users();
      const [roomId, otherRoomId] = [await newRoom(), await newRoom()];
      await send(a, roomId, 'here');
      const otherRoomMessage = await send(a, otherRoomId, 'there');
      const privateMessage = await subject().messaging.sendPrivateMessage({ fromUserId: a, toUserId: b, message: 'psst' });
      await expectDomainError(history(a, roomId, { before: otherRoomMessage.messageId }), 'CHAT_INVALID_CURSOR', 'invalid');
      await expectDomainError(history(a, roomId, { before: privateMessage.messageId }), 'CHAT_INVALID_CURSOR', 'invalid');
    });
  });
};

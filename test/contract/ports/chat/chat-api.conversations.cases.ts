import { randomUUID } from 'node:crypto';
import type { ConversationEntry } from '@chatterroom/chat/contracts';
import { UNKNOWN_ID, badly, expectDomainError, expectValidationFailed, strangerId } from './chat-api.subject';
import type { ChatApiSubject } from './chat-api.subject';

/**
 * Conversation lists and read markers. The three users' lists hold other tests' rooms and
 * chats, so each test finds its own conversations in them (by roomId or peer) and only
 * checks ordering among conversations it just wrote to.
 */
export const describeConversationsCases = (subject: () => ChatApiSubject): void => {
  describe('conversations and read markers', () => {
    const users = () => subject().existingUserIds;
    const api = () => subject().conversations;
    const newRoom = async (creator: number, ...joiners: number[]) => {
      const { roomId } = await subject().rooms.createRoom({ roomName: `conv ${randomUUID()}`, userId: creator });
      for (const userId of joiners) await subject().rooms.joinRoom({ roomId, userId });
      return roomId;
    };
    const toRoom = (userId: number, roomId: number, text = randomUUID()) => subject().messaging.sendRoomMessage({ userId, roomId, message: text });
    const allOf = async (userId: number): Promise<ConversationEntry[]> => {
      const entries: ConversationEntry[] = [];
      let before: string | undefined;
      do {
        const page = await api().listConversations({ userId, limit: 100, ...(before === undefined ? {} : { before }) });
        entries.push(...page.conversations);
        before = page.nextCursor;
      } while (before !== undefined);
      return entries;
    };
    const roomEntry = async (userId: number, roomId: number) => (await allOf(userId)).find((entry) => entry.room?.roomId === roomId);
    const privateEntry = async (userId: number, peerId: number) => (await allOf(userId)).find((entry) => entry.peerId === peerId);

    it('lists a room with its newest message, counts what others wrote as unread, and what one wrote as read', async () => {
      const [a, b] = users();
      const roomId = await newRoom(a, b);
      await toRoom(a, roomId);
      const second = await toRoom(a, roomId);
      expect(await roomEntry(b, roomId)).toEqual({
        kind: 'room',
        room: { roomId, name: expect.any(String), visibility: 'public' },
        lastMessage: second,
        lastSeq: 2,
        readSeq: 0,
        unreadCount: 2,
        updatedAt: second.timestamp,
      });
      expect(await roomEntry(a, roomId)).toMatchObject({ lastSeq: 2, readSeq: 2, unreadCount: 0 });
    });

    it('shows the last message as edited, and as its tombstone once deleted (lastSeq and updatedAt stay)', async () => {
      const [a, b] = users();
      const roomId = await newRoom(a, b);
      await toRoom(a, roomId);
      const last = await toRoom(a, roomId);
      const edited = await subject().editing.editMessage({ userId: a, messageId: last.messageId, message: 'edited text' });
      expect(await roomEntry(b, roomId)).toMatchObject({ lastMessage: edited, lastSeq: 2, updatedAt: last.timestamp });
      const tombstone = await subject().editing.deleteMessage({ userId: a, messageId: last.messageId });
      expect(await roomEntry(b, roomId)).toMatchObject({ lastMessage: { ...tombstone, deleted: true, message: '' }, lastSeq: 2, updatedAt: last.timestamp });
      const older = (await allOf(a)).find((entry) => entry.room?.roomId === roomId);
      expect(older?.lastMessage?.messageId).toBe(last.messageId);
    });

    it('leaves deleted messages above the read marker out of unreadCount, in the list and in markRead', async () => {
      const [a, b] = users();
      const roomId = await newRoom(a, b);
      const sent = [];
      for (let i = 0; i < 5; i += 1) sent.push(await toRoom(a, roomId));
      await api().markRead({ userId: b, roomId, seq: 1 });
      await subject().editing.deleteMessage({ userId: a, messageId: sent[0]!.messageId });
      await subject().editing.deleteMessage({ userId: a, messageId: sent[2]!.messageId });
      await subject().editing.deleteMessage({ userId: a, messageId: sent[2]!.messageId });
      expect(await roomEntry(b, roomId)).toMatchObject({ lastSeq: 5, readSeq: 1, unreadCount: 3 });
      expect(await api().markRead({ userId: b, roomId, seq: 3 })).toMatchObject({ readSeq: 3, lastSeq: 5, unreadCount: 2 });
      await subject().editing.deleteMessage({ userId: a, messageId: sent[4]!.messageId });
      expect(await roomEntry(b, roomId)).toMatchObject({ readSeq: 3, unreadCount: 1 });
      const unreadBefore = (await privateEntry(b, a))?.unreadCount ?? 0;
      const dm = await subject().messaging.sendPrivateMessage({ fromUserId: a, toUserId: b, message: randomUUID() });
      expect(await privateEntry(b, a)).toMatchObject({ unreadCount: unreadBefore + 1 });
      await subject().editing.deleteMessage({ userId: a, messageId: dm.messageId });
      expect(await privateEntry(b, a)).toMatchObject({ lastMessage: { messageId: dm.messageId, deleted: true }, unreadCount: unreadBefore });
    });

    it('lists a room nobody wrote in, with no last message, at its creation', async () => {
      const [a] = users();
      const roomId = await newRoom(a);
      expect(await roomEntry(a, roomId)).toMatchObject({ kind: 'room', lastMessage: null, lastSeq: 0, readSeq: 0, unreadCount: 0 });
    });

    it('shows a private conversation to both people from its first message', async () => {
      const [a, , c] = users();
      const sent = await subject().messaging.sendPrivateMessage({ fromUserId: a, toUserId: c, message: randomUUID() });
      expect(await privateEntry(c, a)).toMatchObject({ kind: 'private', peerId: a, lastMessage: sent, lastSeq: sent.seq });
      const forC = await privateEntry(c, a);
      expect(forC!.unreadCount).toBe(sent.seq - forC!.readSeq);
      expect(await privateEntry(a, c)).toMatchObject({ kind: 'private', peerId: c, lastSeq: sent.seq, readSeq: sent.seq, unreadCount: 0 });
    });

    it('moves a marker forward only, idempotently, and never past the newest message', async () => {
      const [a, b] = users();
      const roomId = await newRoom(a, b);
      for (let i = 0; i < 4; i += 1) await toRoom(a, roomId);
      const state = { kind: 'room', userId: b, roomId, lastSeq: 4 };
      expect(await api().markRead({ userId: b, roomId, seq: 3 })).toEqual({ ...state, readSeq: 3, unreadCount: 1 });
      expect(await api().markRead({ userId: b, roomId, seq: 3 })).toEqual({ ...state, readSeq: 3, unreadCount: 1 });
      expect(await api().markRead({ userId: b, roomId, seq: 1 })).toEqual({ ...state, readSeq: 3, unreadCount: 1 });
      expect(await api().markRead({ userId: b, roomId, seq: 99 })).toEqual({ ...state, readSeq: 4, unreadCount: 0 });
      expect(await roomEntry(b, roomId)).toMatchObject({ readSeq: 4, unreadCount: 0 });
    });

    it('keeps the count exact as messages, reads and replies interleave', async () => {
      const [a, b] = users();
      const roomId = await newRoom(a, b);
      await toRoom(a, roomId);
      await toRoom(a, roomId);
      await api().markRead({ userId: b, roomId, seq: 1 });
      await toRoom(a, roomId);
      expect(await roomEntry(b, roomId)).toMatchObject({ lastSeq: 3, readSeq: 1, unreadCount: 2 });
      await toRoom(b, roomId);
      expect(await roomEntry(b, roomId)).toMatchObject({ lastSeq: 4, readSeq: 4, unreadCount: 0 });
      expect(await roomEntry(a, roomId)).toMatchObject({ lastSeq: 4, readSeq: 3, unreadCount: 1 });
    });

    it('starts a joining member at the newest message: history is not unread', async () => {
      const [a, b] = users();
      const roomId = await newRoom(a);
      await toRoom(a, roomId);
      await toRoom(a, roomId);
      await subject().rooms.joinRoom({ userId: b, roomId });
      expect(await roomEntry(b, roomId)).toMatchObject({ lastSeq: 2, readSeq: 2, unreadCount: 0 });
      await toRoom(a, roomId);
      expect(await roomEntry(b, roomId)).toMatchObject({ unreadCount: 1 });
    });

    it('does not count what was posted while a member was away', async () => {
      const [a, b] = users();
      const roomId = await newRoom(a, b);
      await subject().rooms.leaveRoom({ userId: b, roomId });
      expect(await roomEntry(b, roomId)).toBeUndefined();
      await toRoom(a, roomId);
      await subject().rooms.joinRoom({ userId: b, roomId });
      expect(await roomEntry(b, roomId)).toMatchObject({ lastSeq: 1, unreadCount: 0 });
    });

    it('marks a private conversation read by peer', async () => {
      const [a, b] = users();
      const sent = await subject().messaging.sendPrivateMessage({ fromUserId: a, toUserId: b, message: randomUUID() });
      expect(await api().markRead({ userId: b, peerId: a, seq: sent.seq })).toEqual({
        kind: 'private',
        userId: b,
        peerId: a,
        readSeq: sent.seq,
        lastSeq: sent.seq,
        unreadCount: 0,
      });
    });

    it("shows on a private conversation the peer's read marker (\"seen\"), never on a room", async () => {
      const [a, b] = users();
      const first = await subject().messaging.sendPrivateMessage({ fromUserId: a, toUserId: b, message: randomUUID() });
      const second = await subject().messaging.sendPrivateMessage({ fromUserId: a, toUserId: b, message: randomUUID() });
      expect((await privateEntry(a, b))?.peerReadSeq ?? 0).toBeLessThan(first.seq);
      await api().markRead({ userId: b, peerId: a, seq: first.seq });
      expect(await privateEntry(a, b)).toMatchObject({ peerReadSeq: first.seq, readSeq: second.seq });
      expect(await privateEntry(b, a)).toMatchObject({ peerReadSeq: second.seq, readSeq: first.seq });
      const roomId = await newRoom(a, b);
      await toRoom(a, roomId);
      expect(await roomEntry(b, roomId)).not.toHaveProperty('peerReadSeq');
    });

    it('orders by most recent activity (ties by conversation) and pages with an opaque cursor, each conversation once', async () => {
      const [a, b] = users();
      const rooms = [await newRoom(a, b), await newRoom(a, b), await newRoom(a, b)];
      const last = [];
      for (const roomId of [rooms[1]!, rooms[0]!, rooms[2]!]) last.push(await toRoom(a, roomId));
      const all = await allOf(b);
      for (const message of last) expect(all.find((entry) => entry.room?.roomId === message.roomId)?.lastMessage).toEqual(message);
      const keyOf = (entry: ConversationEntry) =>
        entry.kind === 'room' ? `room:${entry.room!.roomId}` : `private:${Math.min(b, entry.peerId!)}:${Math.max(b, entry.peerId!)}`;
      const ordered = [...all].sort((x, y) =>
        x.updatedAt !== y.updatedAt ? (x.updatedAt < y.updatedAt ? 1 : -1) : keyOf(x) < keyOf(y) ? -1 : 1,
      );
      expect(all).toEqual(ordered);
      const keys = all.map(keyOf);
      expect(new Set(keys).size).toBe(keys.length);
      const first = await api().listConversations({ userId: b, limit: 2 });
      expect(first.conversations).toEqual(all.slice(0, 2));
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await api().listConversations({ userId: b, limit: 2, before: first.nextCursor! });
      expect(second.conversations).toEqual(all.slice(2, 4));
    });

    it('answers a user in nothing with an empty page and no cursor', async () => {
      expect(await api().listConversations({ userId: strangerId() })).toEqual({ conversations: [] });
    });

    it('refuses a bad cursor with CHAT_INVALID_CURSOR and a bad limit with VALIDATION_FAILED', async () => {
      const [a] = users();
      await expectDomainError(api().listConversations({ userId: a, before: 'not-a-cursor' }), 'CHAT_INVALID_CURSOR', 'invalid');
      await expectValidationFailed(api().listConversations({ userId: a, limit: 101 }), 'limit');
      await expectValidationFailed(api().listConversations({ userId: a, limit: 0 }), 'limit');
    });

    it('refuses markRead without exactly one conversation, or with a bad seq', async () => {
      const [a, b] = users();
      await expectValidationFailed(api().markRead(badly({ userId: a, seq: 1 })), 'peerId');
      await expectValidationFailed(api().markRead({ userId: a, peerId: b, roomId: 1, seq: 1 }), 'roomId');
      await expectValidationFailed(api().markRead({ userId: a, peerId: b, seq: 0 }), 'seq');
      await expectValidationFailed(api().markRead(badly({ userId: a, peerId: b, seq: 1.5 })), 'seq');
    });

    it('refuses markRead in an unknown room, a room one is not in, or with nobody', async () => {
      const [a, b, c] = users();
      const roomId = await newRoom(a, b);
      await expectDomainError(api().markRead({ userId: c, roomId, seq: 1 }), 'CHAT_NOT_A_ROOM_MEMBER', 'forbidden');
      await expectDomainError(api().markRead({ userId: a, roomId: UNKNOWN_ID, seq: 1 }), 'CHAT_ROOM_NOT_FOUND', 'not-found');
      await expectDomainError(api().markRead({ userId: a, peerId: UNKNOWN_ID, seq: 1 }), 'CHAT_RECIPIENT_NOT_FOUND', 'not-found');
    });
  });
};

import { randomUUID } from 'node:crypto';
import { expectDomainError, expectValidationFailed, strangerId } from './chat-api.subject';
import type { ChatApiSubject } from './chat-api.subject';

export const describeMessageEditingCases = (subject: () => ChatApiSubject): void => {
  describe('editing and deleting messages', () => {
    const users = () => subject().existingUserIds;
    const editing = () => subject().editing;
    /** A room created by the first user (its owner), joined by `joiners`. */
    const newRoom = async (...joiners: number[]) => {
      const [owner] = users();
      const { roomId } = await subject().rooms.createRoom({ roomName: `edits ${randomUUID()}`, userId: owner });
      for (const userId of joiners) await subject().rooms.joinRoom({ roomId, userId });
      return roomId;
    };

    it('lets the author edit a private message: same seq, new text, editedAt, in both histories', async () => {
      const [a, b] = users();
      const sent = await subject().messaging.sendPrivateMessage({ fromUserId: a, toUserId: b, message: `typo ${randomUUID()}` });
      const edited = await editing().editMessage({ userId: a, messageId: sent.messageId, message: 'fixed' });
      expect(edited).toEqual({ ...sent, message: 'fixed', editedAt: edited.editedAt });
      expect(new Date(edited.editedAt!).toISOString()).toBe(edited.editedAt);
      const page = await subject().messaging.getPrivateHistory({ fromUserId: b, toUserId: a, limit: 1 });
      expect(page).toEqual([edited]);
    });

    it('refuses an edit by someone else who sees the message (CHAT_NOT_MESSAGE_AUTHOR)', async () => {
      const [a, b] = users();
      const roomId = await newRoom(b);
      const sent = await subject().messaging.sendRoomMessage({ userId: b, roomId, message: 'mine' });
      await expectDomainError(editing().editMessage({ userId: a, messageId: sent.messageId, message: 'owner edits' }), 'CHAT_NOT_MESSAGE_AUTHOR', 'forbidden');
    });

    it('hides messages from who may not see them (CHAT_MESSAGE_NOT_FOUND), and unknown ids', async () => {
      const [a, b, c] = users();
      const sent = await subject().messaging.sendPrivateMessage({ fromUserId: a, toUserId: b, message: 'between us' });
      await expectDomainError(editing().deleteMessage({ userId: c, messageId: sent.messageId }), 'CHAT_MESSAGE_NOT_FOUND', 'not-found');
      await expectDomainError(editing().editMessage({ userId: c, messageId: sent.messageId, message: 'x' }), 'CHAT_MESSAGE_NOT_FOUND', 'not-found');
      const roomId = await newRoom();
      const inRoom = await subject().messaging.sendRoomMessage({ userId: a, roomId, message: 'members only' });
      await expectDomainError(editing().deleteMessage({ userId: strangerId(), messageId: inRoom.messageId }), 'CHAT_MESSAGE_NOT_FOUND', 'not-found');
      await expectDomainError(editing().deleteMessage({ userId: a, messageId: randomUUID() }), 'CHAT_MESSAGE_NOT_FOUND', 'not-found');
    });

    it('deletes the author message as a tombstone at its seq, idempotently', async () => {
      const [a, b] = users();
      const roomId = await newRoom(b);
      const first = await subject().messaging.sendRoomMessage({ userId: b, roomId, message: 'oops' });
      const second = await subject().messaging.sendRoomMessage({ userId: a, roomId, message: 'after' });
      const tombstone = await editing().deleteMessage({ userId: b, messageId: first.messageId });
      expect(tombstone).toEqual({ ...first, message: '', deleted: true });
      expect(await editing().deleteMessage({ userId: b, messageId: first.messageId })).toEqual(tombstone);
      expect(await subject().messaging.getRoomHistory({ userId: a, roomId })).toEqual([tombstone, second]);
      await expectDomainError(editing().editMessage({ userId: b, messageId: first.messageId, message: 'back' }), 'CHAT_MESSAGE_NOT_FOUND', 'not-found');
    });

    it("lets the room's owner delete a member's message, and no other member", async () => {
      const [owner, b, c] = users();
      const roomId = await newRoom(b, c);
      const byB = await subject().messaging.sendRoomMessage({ userId: b, roomId, message: 'moderate me' });
      await expectDomainError(editing().deleteMessage({ userId: c, messageId: byB.messageId }), 'CHAT_NOT_MESSAGE_AUTHOR', 'forbidden');
      expect(await editing().deleteMessage({ userId: owner, messageId: byB.messageId })).toMatchObject({ messageId: byB.messageId, deleted: true });
    });

    it("lets a room's admin delete a member's message", async () => {
      const [owner, b, c] = users();
      const roomId = await newRoom(b, c);
      await subject().administration.setRole({ userId: owner, roomId, memberId: c, role: 'admin' });
      const byB = await subject().messaging.sendRoomMessage({ userId: b, roomId, message: 'admin moderates' });
      expect(await editing().deleteMessage({ userId: c, messageId: byB.messageId })).toMatchObject({ messageId: byB.messageId, deleted: true });
    });

    it('refuses the other participant deleting a private message', async () => {
      const [a, b] = users();
      const sent = await subject().messaging.sendPrivateMessage({ fromUserId: a, toUserId: b, message: 'keep' });
      await expectDomainError(editing().deleteMessage({ userId: b, messageId: sent.messageId }), 'CHAT_NOT_MESSAGE_AUTHOR', 'forbidden');
    });

    it('validates the new text and the messageId', async () => {
      const [a, b] = users();
      const sent = await subject().messaging.sendPrivateMessage({ fromUserId: a, toUserId: b, message: 'valid' });
      await expectValidationFailed(editing().editMessage({ userId: a, messageId: sent.messageId, message: '   ' }), 'message');
      await expectValidationFailed(editing().editMessage({ userId: a, messageId: sent.messageId, message: 'x'.repeat(4001) }), 'message');
      await expectValidationFailed(editing().deleteMessage({ userId: a, messageId: '' }), 'messageId');
      await expectValidationFailed(editing().deleteMessage({ userId: 0, messageId: sent.messageId }), 'userId');
    });
  });
};

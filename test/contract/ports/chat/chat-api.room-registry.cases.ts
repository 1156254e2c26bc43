import { randomUUID } from 'node:crypto';
import { isPositiveInt32 } from '@chatterroom/kernel';
import { UNKNOWN_ID, expectDomainError, strangerId } from './chat-api.subject';
import type { ChatApiSubject } from './chat-api.subject';

export const describeRoomRegistryCases = (subject: () => ChatApiSubject): void => {
  describe('rooms', () => {
    const users = () => subject().existingUserIds;
    const rooms = () => subject().rooms;
    const create = (userId: number, roomName = `room ${randomUUID()}`) => rooms().createRoom({ roomName, userId });
    const members = async (roomId: number, asUserId: number) => (await rooms().getRoom({ roomId, userId: asUserId })).members;

    it('creates a room with a trimmed name and its creator as the only member', async () => {
      const [a] = users();
      const name = `Lobby ${randomUUID()}`;
      const room = await create(a, `  ${name}\t`);
      expect(room).toEqual({ roomId: room.roomId, name });
      expect(isPositiveInt32(room.roomId)).toBe(true);
      expect(await rooms().getRoom({ roomId: room.roomId, userId: a })).toEqual({ roomId: room.roomId, name, members: [a], visibility: 'public', memberCount: 1, role: 'owner' });
    });

    it('makes a new room on every create, even with the same name', async () => {
      const [a] = users();
      const name = `Twin ${randomUUID()}`;
      const [first, second] = [await create(a, name), await create(a, name)];
      expect(second.roomId).not.toBe(first.roomId);
      expect(second.name).toBe(name);
    });

    it('joins members and lists them ascending, whatever the join order', async () => {
      const [a, b, c] = users();
      const { roomId } = await create(b);
      expect(await rooms().joinRoom({ roomId, userId: c })).toEqual({ roomId, userId: c, joined: true });
      await rooms().joinRoom({ roomId, userId: a });
      expect(await members(roomId, c)).toEqual([a, b, c].sort((x, y) => x - y));
    });

    it('joins idempotently: a second join succeeds and changes nothing', async () => {
      const [a, b] = users();
      const { roomId } = await create(a);
      await rooms().joinRoom({ roomId, userId: b });
      expect(await rooms().joinRoom({ roomId, userId: b })).toEqual({ roomId, userId: b, joined: true });
      expect(await rooms().joinRoom({ roomId, userId: a })).toEqual({ roomId, userId: a, joined: true });
      expect(await members(roomId, a)).toEqual([a, b].sort((x, y) => x - y));
    });

    it('leaves idempotently, also for someone who never joined', async () => {
      const [a, b, c] = users();
      const { roomId } = await create(a);
      await rooms().joinRoom({ roomId, userId: b });
      expect(await rooms().leaveRoom({ roomId, userId: b })).toEqual({ roomId, userId: b, joined: false });
      expect(await rooms().leaveRoom({ roomId, userId: b })).toEqual({ roomId, userId: b, joined: false });
      expect(await rooms().leaveRoom({ roomId, userId: c })).toEqual({ roomId, userId: c, joined: false });
      expect(await members(roomId, a)).toEqual([a]);
    });

    it('keeps a room its creator left: anyone may join it again', async () => {
      const [a, b] = users();
      const { roomId } = await create(a);
      await rooms().leaveRoom({ roomId, userId: a });
      await expectDomainError(rooms().getRoom({ roomId, userId: a }), 'CHAT_NOT_A_ROOM_MEMBER', 'forbidden');
      await rooms().joinRoom({ roomId, userId: b });
      expect(await members(roomId, b)).toEqual([b]);
    });

    it('answers an unknown room with CHAT_ROOM_NOT_FOUND', async () => {
      const [a] = users();
      const input = { roomId: UNKNOWN_ID, userId: a };
      await expectDomainError(rooms().joinRoom(input), 'CHAT_ROOM_NOT_FOUND', 'not-found');
      await expectDomainError(rooms().leaveRoom(input), 'CHAT_ROOM_NOT_FOUND', 'not-found');
      await expectDomainError(rooms().getRoom(input), 'CHAT_ROOM_NOT_FOUND', 'not-found');
    });

    it('shows a room only to its members', async () => {
      const [a, , c] = users();
      const { roomId } = await create(a);
      await expectDomainError(rooms().getRoom({ roomId, userId: c }), 'CHAT_NOT_A_ROOM_MEMBER', 'forbidden');
    });

    it("lists a user's rooms ascending, created or joined, without the ones left", async () => {
      const [a, b] = users();
      const created = await create(b);
      const joined = await create(a);
      const left = await create(a);
      await rooms().joinRoom({ roomId: joined.roomId, userId: b });
      await rooms().joinRoom({ roomId: left.roomId, userId: b });
      await rooms().leaveRoom({ roomId: left.roomId, userId: b });

      const listed = await rooms().listRooms({ userId: b });
      const ids = listed.map((room) => room.roomId);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      expect(listed).toEqual(expect.arrayContaining([created, joined]));
      expect(ids).not.toContain(left.roomId);
    });

    it('lists no rooms for a user in none', async () => {
      expect(await rooms().listRooms({ userId: strangerId() })).toEqual([]);
    });
  });
};

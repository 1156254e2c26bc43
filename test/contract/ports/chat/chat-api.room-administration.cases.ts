import { randomUUID } from 'node:crypto';
import { UNKNOWN_ID, badly, expectDomainError, expectValidationFailed, strangerId } from './chat-api.subject';
import type { ChatApiSubject } from './chat-api.subject';

/** Rooms people run (issue 10): visibility, roles, adding and removing, renaming, deleting, paging, the directory. */
export const describeRoomAdministrationCases = (subject: () => ChatApiSubject): void => {
  describe('running rooms', () => {
    const users = () => subject().existingUserIds;
    const rooms = () => subject().rooms;
    const admin = () => subject().administration;
    const name = (label = 'room') => `${label} ${randomUUID()}`;
    const privateRoom = async (ownerId: number, members: number[] = []) =>
      rooms().createRoom({ roomName: name('private'), userId: ownerId, visibility: 'private', members });
    const roleIn = async (roomId: number, userId: number) => (await rooms().getRoom({ roomId, userId })).role;

    it('creates a private room with its listed members at once, the creator its owner', async () => {
      const [a, b, c] = users();
      const { roomId } = await privateRoom(a, [b, c, b, a]);
      const room = await rooms().getRoom({ roomId, userId: b });
      expect(room).toMatchObject({ roomId, visibility: 'private', memberCount: 3, role: 'member', members: [a, b, c].sort((x, y) => x - y) });
      expect(await roleIn(roomId, a)).toBe('owner');
    });

    it('creates nothing when a listed member does not exist', async () => {
      const [a, b] = users();
      const roomName = name('never');
      await expectDomainError(rooms().createRoom({ roomName, userId: a, members: [b, UNKNOWN_ID] }), 'CHAT_USER_NOT_FOUND', 'not-found');
      expect((await rooms().listRooms({ userId: b })).map((room) => room.name)).not.toContain(roomName);
    });

    it('refuses more than 100 members, a bad visibility, and bad member ids', async () => {
      const [a] = users();
      const many = Array.from({ length: 101 }, (_, i) => i + 1);
      await expectValidationFailed(rooms().createRoom({ roomName: name(), userId: a, members: many }), 'members');
      await expectValidationFailed(rooms().createRoom({ roomName: name(), userId: a, visibility: badly('secret') }), 'visibility');
      await expectValidationFailed(rooms().createRoom({ roomName: name(), userId: a, members: badly([0]) }), 'members[0]');
    });

    it('hides a private room from non-members: every operation answers CHAT_ROOM_NOT_FOUND', async () => {
      const [a, , c] = users();
      const { roomId } = await privateRoom(a);
      const asStranger = { roomId, userId: c };
      const notFound = (call: Promise<unknown>) => expectDomainError(call, 'CHAT_ROOM_NOT_FOUND', 'not-found');
      await notFound(rooms().joinRoom(asStranger));
      await notFound(rooms().leaveRoom(asStranger));
      await notFound(rooms().getRoom(asStranger));
      await notFound(subject().messaging.sendRoomMessage({ ...asStranger, message: 'hi' }));
      await notFound(subject().messaging.getRoomHistory(asStranger));
      await notFound(admin().listMembers(asStranger));
      await notFound(admin().addMember({ ...asStranger, memberId: c }));
      await notFound(admin().removeMember({ ...asStranger, memberId: a }));
      await notFound(admin().setRole({ ...asStranger, memberId: c, role: 'admin' }));
      await notFound(admin().updateRoom({ ...asStranger, name: 'x' }));
      await notFound(admin().deleteRoom(asStranger));
      expect(await rooms().getRoom({ roomId, userId: a })).toMatchObject({ memberCount: 1 });
    });

    it('keeps answering non-members of a public room CHAT_NOT_A_ROOM_MEMBER', async () => {
      const [a, , c] = users();
      const { roomId } = await rooms().createRoom({ roomName: name('public'), userId: a });
      await expectDomainError(admin().listMembers({ roomId, userId: c }), 'CHAT_NOT_A_ROOM_MEMBER', 'forbidden');
      await expectDomainError(admin().addMember({ roomId, userId: c, memberId: c }), 'CHAT_NOT_A_ROOM_MEMBER', 'forbidden');
    });

    it('lets the owner and admins add members to a private room, and nobody else', async () => {
      const [a, b, c] = users();
      const { roomId } = await privateRoom(a, [b]);
      await expectDomainError(admin().addMember({ roomId, userId: b, memberId: c }), 'CHAT_FORBIDDEN_ROLE', 'forbidden');
      await admin().setRole({ roomId, userId: a, memberId: b, role: 'admin' });
      const added = await admin().addMember({ roomId, userId: b, memberId: c });
      expect(added).toEqual({ roomId, userId: c, role: 'member', joinedAt: expect.any(String) });
      await expectDomainError(admin().addMember({ roomId, userId: a, memberId: c }), 'CHAT_ALREADY_MEMBER', 'conflict');
      await expectDomainError(admin().addMember({ roomId, userId: a, memberId: UNKNOWN_ID }), 'CHAT_USER_NOT_FOUND', 'not-found');
    });

    it('lets any member add people to a public room', async () => {
      const [a, b, c] = users();
      const { roomId } = await rooms().createRoom({ roomName: name('open'), userId: a });
      await rooms().joinRoom({ roomId, userId: b });
      await admin().addMember({ roomId, userId: b, memberId: c });
      expect(await roleIn(roomId, c)).toBe('member');
    });

    it('lets the owner remove anyone and an admin only members; a removed member reads and sends no more', async () => {
      const [a, b, c] = users();
      const { roomId } = await privateRoom(a, [b, c]);
      await admin().setRole({ roomId, userId: a, memberId: b, role: 'admin' });
      await expectDomainError(admin().removeMember({ roomId, userId: c, memberId: b }), 'CHAT_FORBIDDEN_ROLE', 'forbidden');
      await expectDomainError(admin().removeMember({ roomId, userId: b, memberId: a }), 'CHAT_FORBIDDEN_ROLE', 'forbidden');
      expect(await admin().removeMember({ roomId, userId: b, memberId: c })).toEqual({ roomId, userId: c, removed: true });
      await expectDomainError(admin().removeMember({ roomId, userId: b, memberId: c }), 'CHAT_NOT_MEMBER', 'not-found');
      await expectDomainError(subject().messaging.sendRoomMessage({ roomId, userId: c, message: 'hi' }), 'CHAT_ROOM_NOT_FOUND', 'not-found');
      await admin().removeMember({ roomId, userId: a, memberId: b });
      expect((await rooms().getRoom({ roomId, userId: a })).members).toEqual([a]);
    });

    it('lets only the owner change roles, to admin, member or owner (handing ownership over)', async () => {
      const [a, b, c] = users();
      const { roomId } = await privateRoom(a, [b, c]);
      await expectDomainError(admin().setRole({ roomId, userId: b, memberId: c, role: 'admin' }), 'CHAT_FORBIDDEN_ROLE', 'forbidden');
      expect(await admin().setRole({ roomId, userId: a, memberId: b, role: 'admin' })).toMatchObject({ roomId, userId: b, role: 'admin' });
      await expectDomainError(admin().setRole({ roomId, userId: b, memberId: c, role: 'admin' }), 'CHAT_FORBIDDEN_ROLE', 'forbidden');
      expect(await admin().setRole({ roomId, userId: a, memberId: b, role: 'member' })).toMatchObject({ role: 'member' });
      await expectDomainError(admin().setRole({ roomId, userId: a, memberId: a, role: 'admin' }), 'CHAT_FORBIDDEN_ROLE', 'forbidden');
      await expectDomainError(admin().setRole({ roomId, userId: a, memberId: strangerId(), role: 'admin' }), 'CHAT_NOT_MEMBER', 'not-found');
      await expectValidationFailed(admin().setRole({ roomId, userId: a, memberId: b, role: badly('king') }), 'role');
      await admin().setRole({ roomId, userId: a, memberId: c, role: 'owner' });
      expect([await roleIn(roomId, a), await roleIn(roomId, c)]).toEqual(['admin', 'owner']);
    });

    it('passes ownership to the longest-standing admin, else the longest-standing member, when the owner leaves', async () => {
      const [a, b, c] = users();
      const { roomId } = await privateRoom(a, [b]);
      await admin().addMember({ roomId, userId: a, memberId: c });
      await admin().setRole({ roomId, userId: a, memberId: c, role: 'admin' });
      await rooms().leaveRoom({ roomId, userId: a });
      expect(await roleIn(roomId, c)).toBe('owner');
      await admin().removeMember({ roomId, userId: c, memberId: c });
      expect(await roleIn(roomId, b)).toBe('owner');
    });

    it('keeps a room its last member left, and makes the first to join it again its owner', async () => {
      const [a, b] = users();
      const { roomId } = await rooms().createRoom({ roomName: name('emptied'), userId: a });
      await rooms().leaveRoom({ roomId, userId: a });
      await rooms().joinRoom({ roomId, userId: b });
      expect(await rooms().getRoom({ roomId, userId: b })).toMatchObject({ role: 'owner', memberCount: 1 });
    });

    it('lets the owner and admins rename a room and change its visibility', async () => {
      const [a, b, c] = users();
      const { roomId } = await rooms().createRoom({ roomName: name('before'), userId: a, members: [b, c] });
      await admin().setRole({ roomId, userId: a, memberId: b, role: 'admin' });
      const renamed = name('after');
      expect(await admin().updateRoom({ roomId, userId: b, name: `  ${renamed} ` })).toEqual({ roomId, name: renamed, visibility: 'public' });
      expect(await admin().updateRoom({ roomId, userId: a, visibility: 'private' })).toEqual({ roomId, name: renamed, visibility: 'private' });
      await expectDomainError(admin().updateRoom({ roomId, userId: c, name: 'no' }), 'CHAT_FORBIDDEN_ROLE', 'forbidden');
      await expectValidationFailed(admin().updateRoom({ roomId, userId: a }), 'name');
      await expectValidationFailed(admin().updateRoom({ roomId, userId: a, name: '   ' }), 'name');
    });

    it('lets only the owner delete a room: it, its members and its history are gone', async () => {
      const [a, b] = users();
      const { roomId } = await rooms().createRoom({ roomName: name('doomed'), userId: a, members: [b] });
      await subject().messaging.sendRoomMessage({ roomId, userId: b, message: 'soon gone' });
      await admin().setRole({ roomId, userId: a, memberId: b, role: 'admin' });
      await expectDomainError(admin().deleteRoom({ roomId, userId: b }), 'CHAT_FORBIDDEN_ROLE', 'forbidden');
      expect(await admin().deleteRoom({ roomId, userId: a })).toEqual({ roomId, deleted: true });
      await expectDomainError(rooms().getRoom({ roomId, userId: a }), 'CHAT_ROOM_NOT_FOUND', 'not-found');
      await expectDomainError(subject().messaging.getRoomHistory({ roomId, userId: b }), 'CHAT_ROOM_NOT_FOUND', 'not-found');
      expect((await rooms().listRooms({ userId: b })).map((room) => room.roomId)).not.toContain(roomId);
    });

    it('pages members by userId with their roles, to members only', async () => {
      const [a, b, c] = users();
      const { roomId } = await privateRoom(a, [b, c]);
      const ids = [a, b, c].sort((x, y) => x - y);
      const first = await admin().listMembers({ roomId, userId: b, limit: 2 });
      expect(first.members.map((m) => m.userId)).toEqual(ids.slice(0, 2));
      expect(first.nextAfter).toBe(ids[1]);
      const rest = await admin().listMembers({ roomId, userId: b, limit: 2, after: first.nextAfter! });
      expect(rest).toEqual({ members: [expect.objectContaining({ roomId, userId: ids[2] })] });
      expect([...first.members, ...rest.members].find((m) => m.userId === a)).toMatchObject({ role: 'owner', joinedAt: expect.any(String) });
      await expectValidationFailed(admin().listMembers({ roomId, userId: b, limit: 501 }), 'limit');
      await expectValidationFailed(admin().listMembers({ roomId, userId: b, after: badly(-1) }), 'after');
    });

    it('lists public rooms matching a query case-insensitively, with member counts, never private ones', async () => {
      const [a, b] = users();
      const tag = randomUUID().slice(0, 8);
      const open = await rooms().createRoom({ roomName: `Open ${tag}`, userId: a, members: [b] });
      await rooms().createRoom({ roomName: `open ${tag} hidden`, userId: a, visibility: 'private' });
      const page = await admin().listPublicRooms({ userId: b, query: `OPEN ${tag.toUpperCase()}` });
      expect(page).toEqual({ rooms: [{ roomId: open.roomId, name: `Open ${tag}`, visibility: 'public', memberCount: 2 }] });
      await expectValidationFailed(admin().listPublicRooms({ userId: b, limit: 0 }), 'limit');
    });
  });
};

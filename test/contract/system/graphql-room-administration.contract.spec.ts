import { GraphqlSubscriber, errorCodes, graphqlFor, subscriberFor, untilDelivering, type Result } from '@chatterroom/test/harness/graphql';
import { createRoomWith, isoTimestamp, newUsers, uniqueText, type TestUser } from '@chatterroom/test/harness/system';

afterEach(() => GraphqlSubscriber.closeAll());

const about = (type: string, userId?: number) => (result: Result) => {
  const event = (result.data as { roomEvents?: { type?: string; userId?: number } } | null)?.roomEvents;
  return event?.type === type && (userId === undefined || event.userId === userId);
};

/** Running rooms over GraphQL: the same operations and answers as the HTTP routes. */
describe('GraphQL: running rooms', () => {
  it('creates a private room with members, shows visibility, memberCount, role and a page of members', async () => {
    const [owner, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const name = uniqueText('gql team');
    const { createRoom } = await graphqlFor(owner).data(
      'mutation($name: String!, $members: [Int!]) { createRoom(name: $name, visibility: private, members: $members) { roomId visibility memberCount role } }',
      { name, members: [bob.userId, carol.userId] },
    );
    expect(createRoom).toEqual({ roomId: expect.any(Number), visibility: 'private', memberCount: 3, role: 'owner' });
    const { room } = await graphqlFor(bob).data(
      `{ room(id: ${createRoom.roomId}) { role memberPage(limit: 2) { members { userId username role joinedAt } nextAfter } } }`,
    );
    const ids = [owner, bob, carol].map((u) => u.userId).sort((a, b) => a - b);
    expect(room.role).toBe('member');
    expect(room.memberPage.members.map((m: { userId: number }) => m.userId)).toEqual(ids.slice(0, 2));
    expect(room.memberPage.nextAfter).toBe(ids[1]);
    expect(room.memberPage.members[0]).toEqual({ userId: ids[0], username: expect.any(String), role: expect.any(String), joinedAt: isoTimestamp() });
    const stranger = await graphqlFor((await newUsers(1))[0]!).request(`{ room(id: ${createRoom.roomId}) { roomId } }`);
    expect(errorCodes(stranger)).toEqual(['CHAT_ROOM_NOT_FOUND']);
  });

  it('adds, sets roles, removes, updates and deletes, with the HTTP codes for what a role may not do', async () => {
    const [owner, ann, bob] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const roomId = await createRoomWith(owner, { visibility: 'private' });
    const gql = graphqlFor(owner);
    expect((await gql.data(`mutation { addRoomMember(roomId: ${roomId}, userId: ${ann.userId}) { userId username role joinedAt } }`)).addRoomMember).toEqual({
      userId: ann.userId, username: ann.username, role: 'member', joinedAt: isoTimestamp(),
    });
    await gql.data(`mutation { addRoomMember(roomId: ${roomId}, userId: ${bob.userId}) { userId } }`);
    expect((await gql.data(`mutation { setRoomRole(roomId: ${roomId}, userId: ${ann.userId}, role: admin) { role } }`)).setRoomRole).toEqual({ role: 'admin' });
    const refused = await graphqlFor(bob).request(`mutation { removeRoomMember(roomId: ${roomId}, userId: ${ann.userId}) { removed } }`);
    expect(errorCodes(refused)).toEqual(['CHAT_FORBIDDEN_ROLE']);
    expect((await graphqlFor(ann).data(`mutation { removeRoomMember(roomId: ${roomId}, userId: ${bob.userId}) { roomId userId removed } }`)).removeRoomMember).toEqual({
      roomId, userId: bob.userId, removed: true,
    });
    const renamed = uniqueText('renamed');
    expect((await graphqlFor(ann).data(`mutation($n: String) { updateRoom(roomId: ${roomId}, name: $n) { name visibility memberCount } }`, { n: renamed })).updateRoom).toEqual({
      name: renamed, visibility: 'private', memberCount: 2,
    });
    expect((await gql.data(`mutation { deleteRoom(roomId: ${roomId}) { roomId deleted } }`)).deleteRoom).toEqual({ roomId, deleted: true });
    expect((await owner.http.get(`/rooms/${roomId}`)).status).toBe(404);
  });

  it('lists public rooms like GET /rooms/public', async () => {
    const [owner, searcher] = (await newUsers(2)) as [TestUser, TestUser];
    const tag = uniqueText('gqldir').replace(/[^A-Za-z0-9]/g, '');
    const roomId = await createRoomWith(owner, { name: `Open ${tag}` });
    const { publicRooms } = await graphqlFor(searcher).data('query($q: String) { publicRooms(q: $q, limit: 5) { rooms { roomId name visibility memberCount } nextAfter } }', {
      q: tag.toUpperCase(),
    });
    expect(publicRooms).toEqual({ rooms: [{ roomId, name: `Open ${tag}`, visibility: 'public', memberCount: 1 }], nextAfter: null });
    expect(errorCodes(await graphqlFor(searcher).request('{ publicRooms(limit: 0) { nextAfter } }'))).toEqual(['VALIDATION_FAILED']);
  });

  it('roomEvents tells a member about members added and removed, roles and the room going, as /ws/chat does', async () => {
    const [owner, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const roomId = await createRoomWith(owner, { members: [bob] });
    const bobs = subscriberFor(bob, owner.gatewayIndex + 1).subscribe('subscription { roomEvents { type roomId userId role byUserId name visibility } }');
    await untilDelivering(bobs, async () => {
      const name = uniqueText('probe');
      await owner.http.patch(`/rooms/${roomId}`, { name });
      return name;
    });
    await owner.http.post(`/rooms/${roomId}/members`, { userId: carol.userId });
    expect((await bobs.next(about('room.member-added', carol.userId))).data).toEqual({
      roomEvents: { type: 'room.member-added', roomId, userId: carol.userId, role: 'member', byUserId: owner.userId, name: null, visibility: null },
    });
    await owner.http.put(`/rooms/${roomId}/members/${bob.userId}/role`, { role: 'admin' });
    expect((await bobs.next(about('room.role-changed', bob.userId))).data).toMatchObject({ roomEvents: { role: 'admin', byUserId: owner.userId } });
    await owner.http.delete(`/rooms/${roomId}`);
    expect((await bobs.next(about('room.deleted'))).data).toMatchObject({ roomEvents: { type: 'room.deleted', roomId, byUserId: owner.userId } });
  });
});

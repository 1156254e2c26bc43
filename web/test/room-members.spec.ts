import type { RoomMember } from '../src/state/room-admin';
import { applyMemberFrame, type MemberList } from '../src/state/room-members';

const member = (userId: number, role: RoomMember['role'] = 'member'): RoomMember => ({ userId, username: `user${userId}`, role });
const list = (items: RoomMember[], nextAfter?: number): MemberList => ({ items, nextAfter });

describe('applyMemberFrame', () => {
  const room = 4;

  it('puts an added member in userId order, with the role the push gives', () => {
    const next = applyMemberFrame(list([member(1, 'owner'), member(9)]), room, { type: 'room.member-added', roomId: room, userId: 5, role: 'member', byUserId: 1 });
    expect(next.items.map((m) => [m.userId, m.role])).toEqual([
      [1, 'owner'],
      [5, 'member'],
      [9, 'member'],
    ]);
  });

  it('leaves an added member beyond the pages read to the next page', () => {
    const read = list([member(1), member(2)], 2);
    expect(applyMemberFrame(read, room, { type: 'room.member-added', roomId: room, userId: 30, role: 'member', byUserId: 1 })).toBe(read);
  });

  it('drops a removed member or one who left', () => {
    const read = list([member(1), member(2), member(3)]);
    const removed = applyMemberFrame(read, room, { type: 'room.member-removed', roomId: room, userId: 2, byUserId: 1 });
    expect(applyMemberFrame(removed, room, { type: 'room.left', roomId: room, userId: 3 }).items.map((m) => m.userId)).toEqual([1]);
  });

  it('changes a role in place; a new owner makes the previous one an admin', () => {
    const read = list([member(1, 'owner'), member(2)]);
    const admin = applyMemberFrame(read, room, { type: 'room.role-changed', roomId: room, userId: 2, role: 'admin', byUserId: 1 });
    expect(admin.items.map((m) => m.role)).toEqual(['owner', 'admin']);
    const handedOver = applyMemberFrame(admin, room, { type: 'room.role-changed', roomId: room, userId: 2, role: 'owner', byUserId: 1 });
    expect(handedOver.items.map((m) => m.role)).toEqual(['admin', 'owner']);
  });

  it('ignores pushes about other rooms and repeats', () => {
    const read = list([member(1, 'owner'), member(2)]);
    expect(applyMemberFrame(read, room, { type: 'room.member-removed', roomId: room + 1, userId: 2, byUserId: 1 })).toBe(read);
    expect(applyMemberFrame(read, room, { type: 'room.member-added', roomId: room, userId: 2, role: 'member', byUserId: 1 })).toBe(read);
    expect(applyMemberFrame(read, room, { type: 'room.role-changed', roomId: room, userId: 2, role: 'member', byUserId: 1 })).toBe(read);
  });
});

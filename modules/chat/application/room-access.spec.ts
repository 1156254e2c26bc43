import { DomainError } from '@chatterroom/kernel';
import { InMemoryRoomMembership } from '../adapters/in-memory/in-memory.room-membership';
import { InMemoryRoomStore } from '../adapters/in-memory/in-memory.room-store';
import type { RoomVisibility } from '../contracts';
import { requireRoomMember, visibleRoom, type RoomAccessDeps } from './room-access';

const OWNER = 1;
const STRANGER = 2;
const UNKNOWN_ROOM = 999;

const codeOf = (call: Promise<unknown>): Promise<string> =>
  call.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('room access: the one visibility rule behind every room lookup', () => {
  let deps: RoomAccessDeps;
  const roomWith = async (visibility: RoomVisibility): Promise<number> => {
    const { roomId } = await deps.roomStore.create({ name: visibility, createdBy: OWNER, createdAt: new Date(0).toISOString(), visibility });
    await deps.roomMembership.add(roomId, OWNER, 'owner');
    return roomId;
  };

  beforeEach(() => {
    deps = { roomStore: new InMemoryRoomStore(), roomMembership: new InMemoryRoomMembership() };
  });

  it('shows a room to its members and a public room to anyone; hides an unknown room and a private one from a non-member', async () => {
    const open = await roomWith('public');
    const hidden = await roomWith('private');
    expect(await visibleRoom(deps, open, OWNER)).toMatchObject({ room: { roomId: open }, userId: OWNER, role: 'owner' });
    expect(await visibleRoom(deps, open, STRANGER)).toMatchObject({ room: { roomId: open }, userId: STRANGER, role: null });
    expect(await visibleRoom(deps, hidden, OWNER)).toMatchObject({ room: { roomId: hidden }, role: 'owner' });
    expect(await codeOf(visibleRoom(deps, hidden, STRANGER))).toBe('CHAT_ROOM_NOT_FOUND');
    expect(await codeOf(visibleRoom(deps, UNKNOWN_ROOM, OWNER))).toBe('CHAT_ROOM_NOT_FOUND');
  });

  it('lets members through requireRoomMember and answers non-members by the same rule', async () => {
    const open = await roomWith('public');
    const hidden = await roomWith('private');
    expect(await codeOf(requireRoomMember(deps, open, OWNER))).toBe('ok');
    expect(await codeOf(requireRoomMember(deps, hidden, OWNER))).toBe('ok');
    expect(await codeOf(requireRoomMember(deps, open, STRANGER))).toBe('CHAT_NOT_A_ROOM_MEMBER');
    expect(await codeOf(requireRoomMember(deps, hidden, STRANGER))).toBe('CHAT_ROOM_NOT_FOUND');
    expect(await codeOf(requireRoomMember(deps, UNKNOWN_ROOM, OWNER))).toBe('CHAT_ROOM_NOT_FOUND');
  });
});

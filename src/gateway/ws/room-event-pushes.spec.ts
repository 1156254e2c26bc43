import {
  ROOM_DELETED_V1,
  ROOM_MEMBER_ADDED_V1,
  ROOM_MEMBER_REMOVED_V1,
  ROOM_ROLE_CHANGED_V1,
  ROOM_UPDATED_V1,
} from '@chatterroom/chat/contracts';
import { createEvent } from '@chatterroom/kernel';
import { pushOf } from './event-pushes';

describe('pushOf for running rooms', () => {
  it.each([
    [ROOM_MEMBER_ADDED_V1, { roomId: 9, userId: 2, role: 'member', byUserId: 1 }, { type: 'room.member-added', roomId: 9, userId: 2, role: 'member', byUserId: 1 }],
    [ROOM_MEMBER_REMOVED_V1, { roomId: 9, userId: 2, byUserId: 1 }, { type: 'room.member-removed', roomId: 9, userId: 2, byUserId: 1 }],
    [ROOM_ROLE_CHANGED_V1, { roomId: 9, userId: 2, role: 'admin', byUserId: 1 }, { type: 'room.role-changed', roomId: 9, userId: 2, role: 'admin', byUserId: 1 }],
    [ROOM_UPDATED_V1, { roomId: 9, name: 'n', visibility: 'private', byUserId: 1 }, { type: 'room.updated', roomId: 9, name: 'n', visibility: 'private', byUserId: 1 }],
    [ROOM_DELETED_V1, { roomId: 9, byUserId: 1 }, { type: 'room.deleted', roomId: 9, byUserId: 1 }],
  ])('turns %s into its frame, for its audience', (type, payload, frame) => {
    expect(pushOf(createEvent(type, { ...payload, audience: [1, 2] }))).toEqual({ frame, audience: [1, 2] });
  });

  it.each([
    ['a role nobody has', createEvent(ROOM_MEMBER_ADDED_V1, { roomId: 9, userId: 2, role: 'king', byUserId: 1, audience: [1] })],
    ['no byUserId', createEvent(ROOM_MEMBER_REMOVED_V1, { roomId: 9, userId: 2, audience: [1] })],
    ['a bad visibility', createEvent(ROOM_UPDATED_V1, { roomId: 9, name: 'n', visibility: 'x', byUserId: 1, audience: [1] })],
    ['a name that is not a string', createEvent(ROOM_UPDATED_V1, { roomId: 9, name: 3, visibility: 'public', byUserId: 1, audience: [1] })],
    ['a bad roomId', createEvent(ROOM_DELETED_V1, { roomId: 0, byUserId: 1, audience: [1] })],
  ])('pushes nothing for %s', (_name, event) => {
    expect(pushOf(event)).toBeUndefined();
  });
});

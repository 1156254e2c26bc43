import type { RoomRole, RoomVisibility } from '../api/ws-frames';

/*
 * What a person's role in a room lets them do, as the server's rules say (README, Rooms and
 * roles). The screens show only the controls these allow; the server decides in the end.
 */

/** Owners and admins rename the room and change its visibility. */
export const mayManageRoom = (role: RoomRole): boolean => role === 'owner' || role === 'admin';

/** Owners and admins add people; in a public room every member may. */
export const mayAddMembers = (role: RoomRole, visibility: RoomVisibility): boolean => mayManageRoom(role) || visibility === 'public';

/** Only the owner deletes the room. */
export const mayDeleteRoom = (role: RoomRole): boolean => role === 'owner';

/**
 * What `me` (with role `mine`) may do to another member: the owner sets anyone's role but the
 * owner's own and removes anyone; an admin removes members. Leaving is not removing.
 */
export const memberControls = (mine: RoomRole, me: number, member: { readonly userId: number; readonly role: RoomRole }) => ({
  setRole: mine === 'owner' && member.userId !== me && member.role !== 'owner',
  remove: member.userId !== me && (mine === 'owner' || (mine === 'admin' && member.role === 'member')),
});

/** Its author edits a message and deletes it; in a room its owner and admins delete anyone's. */
export const messageControls = (me: number, senderId: number, roomRole: RoomRole | undefined) => ({
  edit: senderId === me,
  delete: senderId === me || roomRole === 'owner' || roomRole === 'admin',
});

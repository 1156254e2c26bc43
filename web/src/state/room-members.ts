import type { ServerFrame } from '../api/ws-frames';
import type { Page, RoomMember } from './room-admin';

/** The members read so far (pages in userId order) and where the next page starts. */
export type MemberList = Page<RoomMember>;

/**
 * The list after a push about room `roomId`: a member added is put in userId order when it
 * falls within the pages read (a later page will bring it otherwise), a removed one leaves, a
 * role changes in place (a new owner makes the previous one an admin). Returns `list` itself
 * when the frame changes nothing.
 */
export const applyMemberFrame = (list: MemberList, roomId: number, frame: ServerFrame): MemberList => {
  if (!('roomId' in frame) || frame.roomId !== roomId) return list;
  switch (frame.type) {
    case 'room.member-added':
    case 'room.joined': {
      if (list.items.some((member) => member.userId === frame.userId)) return list;
      if (list.nextAfter !== undefined && frame.userId > list.nextAfter) return list;
      const role = frame.type === 'room.member-added' ? frame.role : 'member';
      const items = [...list.items, { userId: frame.userId, username: undefined, role }].sort((a, b) => a.userId - b.userId);
      return { ...list, items };
    }
    case 'room.member-removed':
    case 'room.left': {
      const items = list.items.filter((member) => member.userId !== frame.userId);
      return items.length === list.items.length ? list : { ...list, items };
    }
    case 'room.role-changed': {
      if (!list.items.some((member) => member.userId === frame.userId && member.role !== frame.role)) return list;
      const items = list.items.map((member) => {
        if (member.userId === frame.userId) return { ...member, role: frame.role };
        return frame.role === 'owner' && member.role === 'owner' ? { ...member, role: 'admin' as const } : member;
      });
      return { ...list, items };
    }
    default:
      return list;
  }
};

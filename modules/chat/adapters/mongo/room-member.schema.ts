import { EntitySchema } from '@mikro-orm/core';
import type { ObjectId } from '@mikro-orm/mongodb';

/** One membership in the `room_members` collection: unique per (roomId, userId). */
export interface RoomMemberDocument {
  _id: ObjectId;
  roomId: number;
  userId: number;
}

export const roomMemberSchema = new EntitySchema<RoomMemberDocument>({
  name: 'RoomMemberDocument',
  collection: 'room_members',
  properties: {
    _id: { type: 'ObjectId', primary: true },
    roomId: { type: 'number' },
    userId: { type: 'number' },
  },
  uniques: [{ name: 'room_members_room_user_unique', properties: ['roomId', 'userId'] }],
  indexes: [{ name: 'room_members_user_room', properties: ['userId', 'roomId'] }],
});

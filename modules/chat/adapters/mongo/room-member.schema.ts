import { EntitySchema } from '@mikro-orm/core';
import type { ObjectId } from '@mikro-orm/mongodb';
import type { RoomRole } from '../../contracts';

/**
 * One membership in the `room_members` collection: unique per (roomId, userId). `role` and
 * `joinedAt` came with schema step 2, which filled them on older documents. `_id` is
 * `<roomId>:<userId>` (an ObjectId on memberships stored before), so one membership is read by
 * `_id`: FerretDB 1.24 (SQLite backend) pushes down to SQLite only a filter that is exactly one
 * string `_id`; any other filter (several fields, `$ne`, a sort) has every document of the collection
 * decoded and matched in FerretDB. Even the `_id` query does not use the `_id` index (its SQL
 * expression differs from the index's), so SQLite reads each row, ~17x cheaper per row than FerretDB
 * (docs/performance.md, "Conversations"). The other indexes serve MongoDB, and inserts' unique checks.
 */
export interface RoomMemberDocument {
  _id: ObjectId | string;
  roomId: number;
  userId: number;
  role: RoomRole;
  joinedAt: Date;
  /** The roomId on the owner's document only (schema step 5): a sparse unique index allows one owner per room. */
  ownerOf?: number;
}

export const roomMemberSchema = new EntitySchema<RoomMemberDocument>({
  name: 'RoomMemberDocument',
  collection: 'room_members',
  properties: {
    _id: { type: 'ObjectId', primary: true },
    roomId: { type: 'number' },
    userId: { type: 'number' },
    role: { type: 'string' },
    joinedAt: { type: 'Date' },
    ownerOf: { type: 'number', nullable: true },
  },
  uniques: [
    { name: 'room_members_room_user_unique', properties: ['roomId', 'userId'] },
    { name: 'room_members_one_owner', properties: ['ownerOf'], options: { sparse: true } },
  ],
  indexes: [
    { name: 'room_members_user_room', properties: ['userId', 'roomId'] },
    { name: 'room_members_room_role_joined', properties: ['roomId', 'role', 'joinedAt', 'userId'] },
  ],
});

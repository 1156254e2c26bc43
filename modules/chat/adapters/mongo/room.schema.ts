import { EntitySchema } from '@mikro-orm/core';
import type { RoomVisibility } from '../../contracts';

/**
 * A room in the `rooms` collection; `_id` is the roomId. Members live in `room_members`.
 * `visibility` came with schema step 2; a document without it is a public room.
 */
export interface RoomDocument {
  _id: number;
  name: string;
  createdBy: number;
  createdAt: Date;
  visibility?: RoomVisibility;
}

export const roomSchema = new EntitySchema<RoomDocument>({
  name: 'RoomDocument',
  collection: 'rooms',
  properties: {
    _id: { type: 'number', primary: true },
    name: { type: 'string' },
    createdBy: { type: 'number' },
    createdAt: { type: 'Date' },
    visibility: { type: 'string', nullable: true },
  },
});

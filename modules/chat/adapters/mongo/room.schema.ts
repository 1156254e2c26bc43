import { EntitySchema } from '@mikro-orm/core';

/** A room in the `rooms` collection; `_id` is the roomId. Members live in `room_members`. */
export interface RoomDocument {
  _id: number;
  name: string;
  createdBy: number;
  createdAt: Date;
}

export const roomSchema = new EntitySchema<RoomDocument>({
  name: 'RoomDocument',
  collection: 'rooms',
  properties: {
    _id: { type: 'number', primary: true },
    name: { type: 'string' },
    createdBy: { type: 'number' },
    createdAt: { type: 'Date' },
  },
});

import { EntitySchema } from '@mikro-orm/core';
import type { MembershipChange } from '../../ports';

/**
 * An event of the chat event log (`chat_events`): `_id` is the event id, `position` its place
 * in the log (unique: a position is given once), `audience` the userIds it names (a multikey
 * index finds one user's events in order), `roomId` the room of a room event (whose members,
 * never stored, see it too) and `membership` whether the named users join or leave it there,
 * `published` whether the relay has published it. One document per event, of one size for a
 * room message whatever the room's. Documents written before room events existed have no
 * `roomId` and name their whole audience.
 */
export interface ChatEventDocument {
  _id: string;
  position: number;
  type: string;
  occurredAt: string;
  payload: unknown;
  audience: number[];
  roomId?: number | null;
  membership?: MembershipChange | null;
  /** The trace headers of the change (TraceOrigin), for the relay's publish; absent on older documents. */
  origin?: Record<string, string> | null;
  published: boolean;
}

export const chatEventSchema = new EntitySchema<ChatEventDocument>({
  name: 'ChatEventDocument',
  collection: 'chat_events',
  properties: {
    _id: { type: 'string', primary: true },
    position: { type: 'number' },
    type: { type: 'string' },
    occurredAt: { type: 'string' },
    payload: { type: 'json' },
    audience: { type: 'json' },
    roomId: { type: 'number', nullable: true },
    membership: { type: 'string', nullable: true },
    origin: { type: 'json', nullable: true },
    published: { type: 'boolean' },
  },
  indexes: [
    { options: [{ position: 1 }, { name: 'chat_events_position_unique', unique: true }] },
    { options: [{ audience: 1, position: 1 }, { name: 'chat_events_audience_position' }] },
    { options: [{ published: 1, position: 1 }, { name: 'chat_events_published_position' }] },
  ],
});

/**
 * An event recorded but not yet given a position (`chat_outbox`): the write that records it
 * is the change's own (or made just before it, naming in `requires` the message that must
 * exist before it may be published). The relay moves it into `chat_events`.
 */
export interface ChatOutboxDocument {
  _id: string;
  type: string;
  occurredAt: string;
  payload: unknown;
  audience: number[];
  roomId?: number | null;
  membership?: MembershipChange | null;
  origin?: Record<string, string> | null;
  recordedAt: Date;
  /** Recording order: the time, then a per-process counter (so two entries of one millisecond keep their order). */
  recordKey: string;
  /** The messageId whose document must exist before the event is published; null for none. */
  requires: string | null;
}

export const chatOutboxSchema = new EntitySchema<ChatOutboxDocument>({
  name: 'ChatOutboxDocument',
  collection: 'chat_outbox',
  properties: {
    _id: { type: 'string', primary: true },
    type: { type: 'string' },
    occurredAt: { type: 'string' },
    payload: { type: 'json' },
    audience: { type: 'json' },
    roomId: { type: 'number', nullable: true },
    membership: { type: 'string', nullable: true },
    origin: { type: 'json', nullable: true },
    recordedAt: { type: 'Date' },
    recordKey: { type: 'string' },
    requires: { type: 'string', nullable: true },
  },
  indexes: [{ options: [{ recordKey: 1 }, { name: 'chat_outbox_record_key' }] }],
});

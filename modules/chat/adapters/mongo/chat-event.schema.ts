import { EntitySchema } from '@mikro-orm/core';

/**
 * An event of the chat event log (`chat_events`): `_id` is the event id, `position` its place
 * in the log (unique: a position is given once), `audience` the userIds who may see it (a
 * multikey index finds one user's events in order), `published` whether the relay has
 * published it. One document per event, whatever the size of its audience.
 */
export interface ChatEventDocument {
  _id: string;
  position: number;
  type: string;
  occurredAt: string;
  payload: unknown;
  audience: number[];
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
    recordedAt: { type: 'Date' },
    recordKey: { type: 'string' },
    requires: { type: 'string', nullable: true },
  },
  indexes: [{ options: [{ recordKey: 1 }, { name: 'chat_outbox_record_key' }] }],
});

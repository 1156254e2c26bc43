import { EntitySchema } from '@mikro-orm/core';

/** One named counter: `_id` is its name (`userId`, `roomId`, `seq:room:7`), `value` the last value handed out. */
export interface CounterDocument {
  _id: string;
  value: number;
}

export const counterSchema = new EntitySchema<CounterDocument>({
  name: 'CounterDocument',
  collection: 'counters',
  properties: {
    _id: { type: 'string', primary: true },
    value: { type: 'number' },
  },
});

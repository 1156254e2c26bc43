import { Type } from '@sinclair/typebox';
import { FEED_MAX_LIMIT } from '@chatterroom/chat/contracts';
import { strictObject, withErrors } from '../schemas/common.schemas';

/** GET /sync: a user's chat events after a cursor, for clients that poll or catch up. */
export const syncSchemas = {
  get: {
    summary: "The caller's chat events after a cursor, oldest first (the frames /ws/chat pushes)",
    tags: ['sync'],
    querystring: strictObject({
      since: Type.Optional(
        Type.String({ minLength: 1, maxLength: 200, description: 'a cursor (from ready, a pushed event or an earlier /sync); omitted: the current cursor and no events' }),
      ),
      limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,2}$', description: `an integer from 1 to ${FEED_MAX_LIMIT}; default 100` })),
    }),
    response: withErrors({
      200: Type.Object(
        {
          events: Type.Array(
            Type.Object(
              { type: Type.String(), cursor: Type.String() },
              { additionalProperties: true, description: 'a frame as /ws/chat pushes it: message, room.joined, room.left...' },
            ),
          ),
          cursor: Type.String({ description: 'where the next call starts (the last event’s cursor, or since)' }),
          hasMore: Type.Boolean({ description: 'more events follow: call again with cursor' }),
        },
        { additionalProperties: false },
      ),
    }),
  },
} as const;

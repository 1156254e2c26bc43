import { Type } from '@sinclair/typebox';
import { strictObject, withErrors } from '../schemas/common.schemas';

/** GET /ws/chat: a WebSocket upgrade; a plain GET is answered 400 UPGRADE_REQUIRED. */
export const wsChatSchemas = {
  upgrade: {
    summary: 'Open the chat WebSocket (frames: see the README)',
    tags: ['websocket'],
    querystring: strictObject({
      token: Type.Optional(Type.String({ description: 'the access token, for clients that cannot send Authorization' })),
      ticket: Type.Optional(Type.String({ description: 'a single-use ticket from POST /ws/ticket, instead of a token' })),
      since: Type.Optional(
        Type.String({ minLength: 1, maxLength: 200, description: 'resume: a cursor from ready, a pushed event or GET /sync; every event after it is replayed first' }),
      ),
    }),
    response: withErrors({}),
  },
} as const;

import { Type, type TSchema } from '@sinclair/typebox';
import { HISTORY_MAX_LIMIT } from '@chatterroom/chat/contracts';

/**
 * Building blocks of the route schemas. Every route declares `params`, `querystring`,
 * `body` and `response` with these (an object with `additionalProperties: false`, so an
 * unknown field or parameter is refused); the same objects make the OpenAPI document.
 * The schema checks shape; the modules check the rules (lengths, formats), identically
 * for HTTP, WebSocket, GraphQL and gRPC.
 */

/** A positive 32-bit integer (1 to 2147483647) in canonical decimal, as a path carries it. */
export const POSITIVE_INT32_PATTERN =
  '^(?:[1-9][0-9]{0,8}|1[0-9]{9}|20[0-9]{8}|21[0-3][0-9]{7}|214[0-6][0-9]{6}|2147[0-3][0-9]{5}|21474[0-7][0-9]{4}|214748[0-2][0-9]{3}|2147483[0-5][0-9]{2}|21474836[0-3][0-9]|214748364[0-7])$';

/** A path id such as `roomId`; the validation message reads "roomId must be a positive 32-bit integer". */
export const PathId = Type.String({ pattern: POSITIVE_INT32_PATTERN, description: 'a positive 32-bit integer' });

/** The params of a route with one id in its path. */
export const pathIdParams = <Name extends string>(name: Name) =>
  Type.Object({ [name]: PathId } as { [K in Name]: typeof PathId }, { additionalProperties: false });

/** An object schema refusing unknown properties: for every request part. */
export const strictObject = <Properties extends Record<string, TSchema>>(properties: Properties, description?: string) =>
  Type.Object(properties, { additionalProperties: false, ...(description === undefined ? {} : { description }) });

/** No query parameters at all. */
export const NoQuery = strictObject({});

/** A body that may be absent, `null` or `{}`, and nothing else. */
export const NoBody = Type.Union([strictObject({}), Type.Null()], { description: 'no body, `null` or `{}`' });

/** `?limit=` (1-200) and `?before=` or `?after=` (a messageId) of a history page. */
export const HistoryQuery = strictObject({
  limit: Type.Optional(
    Type.String({
      pattern: `^(?:[1-9]|[1-9][0-9]|1[0-9][0-9]|200)$`,
      description: `an integer from 1 to ${HISTORY_MAX_LIMIT}`,
    }),
  ),
  before: Type.Optional(Type.String({ minLength: 1, description: 'a messageId' })),
  after: Type.Optional(Type.String({ minLength: 1, description: 'a messageId' })),
});

/** An optional string a client may also send as `null`. */
export const OptionalString = (description: string) => Type.Optional(Type.Union([Type.String(), Type.Null()], { description }));

/** The one body of every error answer: see the README's Errors table. */
export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer(),
    code: Type.String({ description: 'stable: branch on it' }),
    error: Type.String({ description: 'the HTTP reason phrase' }),
    message: Type.String({ description: 'for people' }),
    clientMessageId: Type.Optional(
      Type.String({ description: 'CHAT_SEND_OUTCOME_UNKNOWN only: send the message again with this clientMessageId; a stored one is returned, never stored twice' }),
    ),
  },
  { required: ['statusCode', 'code', 'error', 'message'] },
);

/** A route's success answers plus the error body for every 4xx and 5xx. */
export const withErrors = <Success extends Record<number, TSchema>>(success: Success) => ({
  ...success,
  '4xx': ErrorBody,
  '5xx': ErrorBody,
});

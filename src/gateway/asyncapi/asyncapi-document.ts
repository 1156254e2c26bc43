import { Type, type TSchema } from '@sinclair/typebox';
import { CLIENT_FRAMES, SERVER_FRAMES } from '../ws/frame-registry';
import { EVENT_PAYLOADS, eventEnvelope } from './event-registry';

/** Where the document is served. */
export const ASYNCAPI_PATH = '/asyncapi.json';

/** The exchange events go to unless AMQP_EXCHANGE names another. */
const DEFAULT_EXCHANGE = 'chatterroom.events';

type Json = Record<string, unknown>;

/** A schema as plain JSON (TypeBox's symbol keys dropped). */
const plain = (schema: TSchema): Json => JSON.parse(JSON.stringify(schema)) as Json;

const messageOf = (name: string, payload: TSchema, extra: Json = {}): Json => ({
  name,
  title: name,
  summary: (payload as { description?: string }).description ?? name,
  contentType: 'application/json',
  payload: plain(payload),
  ...extra,
});

const refs = (channel: string, keys: readonly string[]): Json[] => keys.map((key) => ({ $ref: `#/channels/${channel}/messages/${key}` }));

const keyed = (prefix: string, names: readonly string[]): string[] => names.map((name) => `${prefix}.${name}`);

/**
 * The AsyncAPI 3 document of ChatterRoom's asynchronous APIs, generated from the frame
 * registry (src/gateway/ws/frame-registry.ts) and the event registry (event-registry.ts):
 * the `/ws/chat` socket (what clients send, what the server sends) and the integration
 * events published on the RabbitMQ topic exchange, routing key = event type.
 */
export const asyncapiDocument = (gatewayHost = 'localhost:3000'): Json => {
  const clientNames = Object.keys(CLIENT_FRAMES);
  const serverNames = Object.keys(SERVER_FRAMES);
  const eventNames = Object.keys(EVENT_PAYLOADS);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'ChatterRoom',
      version: '1',
      description:
        'The chat WebSocket `/ws/chat` (JSON text frames of at most 64 KiB) and the integration events the modules publish. ' +
        'Generated from the code: every frame type the socket accepts or sends and every event type published is listed. ' +
        'Close codes: 4401 when the token expires or the session is revoked, 1008 for a client that keeps flooding, 1009 for a frame over 64 KiB, 1001 when the gateway stops.',
    },
    defaultContentType: 'application/json',
    servers: {
      gateway: { host: gatewayHost, protocol: 'ws', description: 'this gateway (HTTP upgrade to WebSocket; wss behind TLS)' },
      broker: {
        host: 'rabbitmq:5672',
        protocol: 'amqp',
        description: `the split deployment's RabbitMQ (AMQP_URL); the monolith carries the same events in process`,
      },
    },
    channels: {
      chatSocket: {
        address: '/ws/chat',
        title: 'Chat socket',
        description:
          'Authenticate with `Authorization: Bearer <token>`, `?ticket=` (POST /ws/ticket) or `?token=`; without a valid credential the upgrade answers 401. ' +
          'Client frames run one at a time in the order sent; each may carry an `id` echoed in its reply.',
        servers: [{ $ref: '#/servers/gateway' }],
        messages: Object.fromEntries([
          ...clientNames.map((name) => [`client.${name}`, messageOf(name, CLIENT_FRAMES[name as keyof typeof CLIENT_FRAMES])]),
          ...serverNames.map((name) => [`server.${name}`, messageOf(name, SERVER_FRAMES[name as keyof typeof SERVER_FRAMES])]),
        ]),
        bindings: {
          ws: {
            method: 'GET',
            query: plain(Type.Object({ token: Type.Optional(Type.String()), ticket: Type.Optional(Type.String()) }, { additionalProperties: false })),
            bindingVersion: '0.1.0',
          },
        },
      },
      events: {
        address: DEFAULT_EXCHANGE,
        title: 'Integration events',
        description:
          `A durable topic exchange (${DEFAULT_EXCHANGE}, or AMQP_EXCHANGE); the routing key is the event type. Messages are persistent, published with confirms; ` +
          'consumers get them at least once and de-duplicate on `id`.',
        servers: [{ $ref: '#/servers/broker' }],
        messages: Object.fromEntries(
          eventNames.map((type) => [
            type,
            messageOf(type, eventEnvelope(type, EVENT_PAYLOADS[type] as TSchema), {
              summary: (EVENT_PAYLOADS[type] as { description?: string }).description ?? type,
              bindings: { amqp: { messageType: type, bindingVersion: '0.3.0' } },
            }),
          ]),
        ),
        bindings: {
          amqp: { is: 'routingKey', exchange: { name: DEFAULT_EXCHANGE, type: 'topic', durable: true, autoDelete: false, vhost: '/' }, bindingVersion: '0.3.0' },
        },
      },
    },
    operations: {
      receiveClientFrames: {
        action: 'receive',
        title: 'Frames clients send',
        channel: { $ref: '#/channels/chatSocket' },
        messages: refs('chatSocket', keyed('client', clientNames)),
      },
      sendServerFrames: {
        action: 'send',
        title: 'Frames the server sends (replies and pushes)',
        channel: { $ref: '#/channels/chatSocket' },
        messages: refs('chatSocket', keyed('server', serverNames)),
      },
      publishEvents: {
        action: 'send',
        title: 'Events the modules publish',
        channel: { $ref: '#/channels/events' },
        messages: refs('events', eventNames),
        bindings: { amqp: { deliveryMode: 2, mandatory: false, bindingVersion: '0.3.0' } },
      },
    },
  };
};

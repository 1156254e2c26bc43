import Ajv from 'ajv';
import { startGatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';
import { CLIENT_FRAMES, SERVER_FRAMES } from '../ws/frame-registry';
import { ASYNCAPI_PATH, asyncapiDocument } from './asyncapi-document';
import { EVENT_PAYLOADS } from './event-registry';

type Json = Record<string, unknown>;

/** The AsyncAPI 3.0.0 JSON schema, as the AsyncAPI initiative publishes it (npm @asyncapi/specs). */
const asyncapiSchema = (): Json => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const specs = require('@asyncapi/specs') as { schemasWithoutId: Record<string, Json> };
  const schema = specs.schemasWithoutId['3.0.0'];
  if (schema === undefined) throw new Error('@asyncapi/specs has no 3.0.0 schema');
  return schema;
};

const resolve = (document: Json, ref: string): unknown =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], document);

const channelMessages = (document: Json, channel: string): string[] =>
  Object.keys(((document.channels as Json)[channel] as { messages: Json }).messages);

describe('the AsyncAPI document', () => {
  const document = asyncapiDocument('chat.example.com');

  it('is a valid AsyncAPI 3.0.0 document', () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(asyncapiSchema());
    expect(validate(document) ? [] : validate.errors).toEqual([]);
  });

  it('lists every registered client and server frame of /ws/chat, and nothing else', () => {
    expect(channelMessages(document, 'chatSocket').sort()).toEqual(
      [...Object.keys(CLIENT_FRAMES).map((type) => `client.${type}`), ...Object.keys(SERVER_FRAMES).map((type) => `server.${type}`)].sort(),
    );
  });

  it('lists every registered event on the exchange, and nothing else', () => {
    expect(channelMessages(document, 'events').sort()).toEqual(Object.keys(EVENT_PAYLOADS).sort());
  });

  it("has every operation's messages in its channel, and every reference resolving", () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const target = ref.slice('"$ref":"'.length, -1);
      expect({ ref: target, resolves: resolve(document, target) !== undefined }).toEqual({ ref: target, resolves: true });
    }
    const operations = Object.values(document.operations as Record<string, { channel: { $ref: string }; messages: Array<{ $ref: string }> }>);
    for (const operation of operations) {
      for (const message of operation.messages) expect(message.$ref.startsWith(`${operation.channel.$ref}/messages/`)).toBe(true);
    }
  });

  it('is served at /asyncapi.json without a token, naming the host asked', async () => {
    const kit = await startGatewayTestKit();
    try {
      const response = await kit.app.inject({ method: 'GET', url: ASYNCAPI_PATH, headers: { host: 'chat.example.com' } });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(document);
    } finally {
      await kit.app.close();
    }
  });
});

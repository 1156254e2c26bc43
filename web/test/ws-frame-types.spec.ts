import { join } from 'node:path';
import { expectFreshFile, generateFromServed } from './support/generated-types';

/** The web client's /ws/chat frame types, generated from the AsyncAPI document the gateway serves. */
const GENERATED = join(__dirname, '..', 'src', 'api', 'ws-frames.gen.ts');
const HEADER =
  "// Generated from the gateway's /asyncapi.json (the /ws/chat channel's messages) by openapi-typescript (web/test/ws-frame-types.spec.ts).\n" +
  '// Do not edit: after a frame changes, run `npm run web:api-types`. `components.schemas` is keyed `client.<type>` / `server.<type>`.\n\n';

interface AsyncApiDocument {
  readonly channels: { readonly chatSocket: { readonly messages: Record<string, { readonly payload: unknown }> } };
}

/**
 * openapi-typescript reads OpenAPI, not AsyncAPI: the socket's message payloads (JSON Schema
 * either way) are put under an OpenAPI 3.1 document's components, keeping their AsyncAPI keys.
 */
const asOpenApi = (served: string): string => {
  const asyncapi = JSON.parse(served) as AsyncApiDocument;
  return JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'ChatterRoom /ws/chat frames', version: '1' },
    paths: {},
    components: {
      schemas: Object.fromEntries(Object.entries(asyncapi.channels.chatSocket.messages).map(([key, message]) => [key, message.payload])),
    },
  });
};

describe("the web client's WebSocket frame types (web/src/api/ws-frames.gen.ts)", () => {
  it('match the AsyncAPI document the gateway serves now', async () => {
    expectFreshFile(
      GENERATED,
      await generateFromServed('/asyncapi.json', HEADER, asOpenApi),
      'web/src/api/ws-frames.gen.ts is stale: a /ws/chat frame changed. Run `npm run web:api-types` and fix the client where it no longer type-checks.',
    );
  }, 60_000);
});

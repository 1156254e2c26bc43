import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGatewayTestKit } from '../../src/gateway/testing/gateway-test-kit';

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
const asOpenApi = (asyncapi: AsyncApiDocument) => ({
  openapi: '3.1.0',
  info: { title: 'ChatterRoom /ws/chat frames', version: '1' },
  paths: {},
  components: {
    schemas: Object.fromEntries(Object.entries(asyncapi.channels.chatSocket.messages).map(([key, message]) => [key, message.payload])),
  },
});

const generate = async (): Promise<string> => {
  const kit = await startGatewayTestKit();
  const dir = mkdtempSync(join(tmpdir(), 'chatterroom-asyncapi-'));
  try {
    await kit.app.ready();
    const asyncapi = (await kit.app.inject({ method: 'GET', url: '/asyncapi.json' })).json<AsyncApiDocument>();
    writeFileSync(join(dir, 'frames.json'), JSON.stringify(asOpenApi(asyncapi)));
    const cli = join(__dirname, '..', '..', 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    execFileSync(process.execPath, [cli, join(dir, 'frames.json'), '--output', join(dir, 'ws-frames.gen.ts')], { stdio: 'pipe' });
    return HEADER + readFileSync(join(dir, 'ws-frames.gen.ts'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await kit.app.close();
  }
};

describe("the web client's WebSocket frame types (web/src/api/ws-frames.gen.ts)", () => {
  it('match the AsyncAPI document the gateway serves now', async () => {
    const expected = await generate();
    if (process.env.UPDATE_WEB_API_TYPES === '1') writeFileSync(GENERATED, expected);
    const actual = readFileSync(GENERATED, 'utf8');
    if (actual !== expected) {
      throw new Error('web/src/api/ws-frames.gen.ts is stale: a /ws/chat frame changed. Run `npm run web:api-types` and fix the client where it no longer type-checks.');
    }
  }, 60_000);
});

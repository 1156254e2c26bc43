import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGatewayTestKit } from '../../src/gateway/testing/gateway-test-kit';

/** The web client's API types, generated from the document the gateway serves. */
const GENERATED = join(__dirname, '..', 'src', 'api', 'openapi.gen.ts');
const HEADER =
  '// Generated from the gateway\'s /openapi.json by openapi-typescript (web/test/openapi-types.spec.ts).\n' +
  '// Do not edit: after a route changes, run `npm run web:api-types`.\n\n';

/** The gateway's /openapi.json, turned into TypeScript by openapi-typescript's command line. */
const generate = async (): Promise<string> => {
  const kit = await startGatewayTestKit();
  const dir = mkdtempSync(join(tmpdir(), 'chatterroom-openapi-'));
  try {
    await kit.app.ready();
    const document = (await kit.app.inject({ method: 'GET', url: '/openapi.json' })).body;
    writeFileSync(join(dir, 'openapi.json'), document);
    const cli = join(__dirname, '..', '..', 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    execFileSync(process.execPath, [cli, join(dir, 'openapi.json'), '--output', join(dir, 'openapi.gen.ts')], { stdio: 'pipe' });
    return HEADER + readFileSync(join(dir, 'openapi.gen.ts'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await kit.app.close();
  }
};

describe('the web client\'s API types (web/src/api/openapi.gen.ts)', () => {
  it('match the OpenAPI document the gateway serves now', async () => {
    const expected = await generate();
    if (process.env.UPDATE_WEB_API_TYPES === '1') writeFileSync(GENERATED, expected);
    const actual = readFileSync(GENERATED, 'utf8');
    if (actual !== expected) {
      throw new Error('web/src/api/openapi.gen.ts is stale: the HTTP API changed. Run `npm run web:api-types` and fix the client where it no longer type-checks.');
    }
  }, 60_000);
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';

const CLI = join(__dirname, '..', '..', '..', 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

/**
 * TypeScript from a document the gateway serves: GET `url` from a gateway over fakes, turned
 * into an OpenAPI document by `asOpenApi` (the identity for /openapi.json), then through
 * openapi-typescript's command line; `header` goes first.
 */
export const generateFromServed = async (url: string, header: string, asOpenApi: (served: string) => string = (served) => served): Promise<string> => {
  const kit = await startGatewayTestKit();
  const dir = mkdtempSync(join(tmpdir(), 'chatterroom-types-'));
  try {
    await kit.app.ready();
    const served = (await kit.app.inject({ method: 'GET', url })).body;
    writeFileSync(join(dir, 'document.json'), asOpenApi(served));
    execFileSync(process.execPath, [CLI, join(dir, 'document.json'), '--output', join(dir, 'types.ts')], { stdio: 'pipe' });
    return header + readFileSync(join(dir, 'types.ts'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await kit.app.close();
  }
};

/** Fails with `stale` unless `file` holds `expected`; with UPDATE_WEB_API_TYPES=1 (`npm run web:api-types`) writes it first. */
export const expectFreshFile = (file: string, expected: string, stale: string): void => {
  if (process.env.UPDATE_WEB_API_TYPES === '1') writeFileSync(file, expected);
  if (readFileSync(file, 'utf8') !== expected) throw new Error(stale);
};

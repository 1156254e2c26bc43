import { join } from 'node:path';
import { expectFreshFile, generateFromServed } from './support/generated-types';

/** The web client's API types, generated from the document the gateway serves. */
const GENERATED = join(__dirname, '..', 'src', 'api', 'openapi.gen.ts');
const HEADER =
  '// Generated from the gateway\'s /openapi.json by openapi-typescript (web/test/openapi-types.spec.ts).\n' +
  '// Do not edit: after a route changes, run `npm run web:api-types`.\n\n';

describe('the web client\'s API types (web/src/api/openapi.gen.ts)', () => {
  it('match the OpenAPI document the gateway serves now', async () => {
    expectFreshFile(
      GENERATED,
      await generateFromServed('/openapi.json', HEADER),
      'web/src/api/openapi.gen.ts is stale: the HTTP API changed. Run `npm run web:api-types` and fix the client where it no longer type-checks.',
    );
  }, 60_000);
});

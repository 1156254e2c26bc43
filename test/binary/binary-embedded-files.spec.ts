import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBinary } from '../harness/system/targets/binary.target';
import type { RunningTarget } from '../harness/system/targets/running-target';
import { StartedProcesses, targetOptions } from '../resilience/support/started-processes';

/*
 * Files a library reads next to its code are embedded in the binary and served from there,
 * not from the disk: mercurius' GraphiQL page (stat + read stream through @fastify/static),
 * byte for byte as the package ships it, from a binary that runs alone in a temporary folder.
 */

jest.setTimeout(120_000);

const REPO_ROOT = join(__dirname, '..', '..');
const shipped = (file: string): Buffer => readFileSync(join(REPO_ROOT, 'node_modules', 'mercurius', 'static', file));

describe('the binary with GraphiQL enabled', () => {
  const started = new StartedProcesses();
  let target: RunningTarget;

  beforeAll(async () => {
    target = started.addTarget(await startBinary(targetOptions({ GRAPHQL_GRAPHIQL: 'true' })));
  });

  afterAll(() => started.cleanUp(), 60_000);

  const get = async (path: string) => {
    const response = await fetch(`${target.endpoints.gateways[0]!.httpUrl}${path}`);
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  };

  it.each([
    ['/graphiql', 'graphiql.html'],
    ['/graphiql/main.js', 'main.js'],
    ['/graphiql/sw.js', 'sw.js'],
  ])('serves %s as mercurius ships %s', async (path, file) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.body.equals(shipped(file))).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBinary } from '../harness/system/targets/binary.target';
import type { RunningTarget } from '../harness/system/targets/running-target';
import { StartedProcesses, targetOptions } from '../resilience/support/started-processes';

/*
 * Files a library reads next to its code are embedded in the binary and served from there,
 * not from the disk: GraphiQL's assets (npm graphiql, react, react-dom) and the Swagger UI of /docs (@fastify/swagger-ui
 * reads its logo at start, then stat + read stream through @fastify/static), byte for byte as
 * the packages ship them, from a binary that runs alone in a temporary folder.
 */

jest.setTimeout(120_000);

const REPO_ROOT = join(__dirname, '..', '..');
const shipped = (file: string): Buffer => readFileSync(join(REPO_ROOT, 'node_modules', file));

describe('the binary: GraphiQL (on by default in the monolith) and the /docs page', () => {
  const started = new StartedProcesses();
  let target: RunningTarget;

  beforeAll(async () => {
    target = started.addTarget(await startBinary(targetOptions({})));
  });

  afterAll(() => started.cleanUp(), 60_000);

  const get = async (path: string) => {
    const response = await fetch(`${target.endpoints.gateways[0]!.httpUrl}${path}`);
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  };

  it.each([
    ['/graphiql/assets/graphiql.min.js', 'graphiql/graphiql.min.js'],
    ['/graphiql/assets/graphiql.min.css', 'graphiql/graphiql.min.css'],
    ['/graphiql/assets/react.production.min.js', 'react/umd/react.production.min.js'],
    ['/graphiql/assets/react-dom.production.min.js', 'react-dom/umd/react-dom.production.min.js'],
    ['/docs/static/swagger-ui-bundle.js', '@fastify/swagger-ui/static/swagger-ui-bundle.js'],
    ['/docs/static/swagger-ui.css', '@fastify/swagger-ui/static/swagger-ui.css'],
    ['/docs/static/index.css', '@fastify/swagger-ui/static/index.css'],
  ])('serves %s as its package ships %s', async (path, file) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.body.equals(shipped(file))).toBe(true);
  });
});

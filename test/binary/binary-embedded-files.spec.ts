import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBinary } from '@chatterroom/test/harness/system/targets/binary.target';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { StartedProcesses, targetOptions } from '@chatterroom/test/resilience/support/started-processes';

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

describe('the binary and the web client it embeds', () => {
  const started = new StartedProcesses();
  let target: RunningTarget;

  beforeAll(async () => {
    target = started.addTarget(await startBinary(targetOptions({})));
  });

  afterAll(() => started.cleanUp(), 60_000);

  it('serves the built client at / and each asset the page names, byte for byte as dist/web holds them', async () => {
    const base = target.endpoints.gateways[0]!.httpUrl;
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toBe(readFileSync(join(REPO_ROOT, 'dist', 'web', 'index.html'), 'utf8'));
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets).toHaveLength(2);
    for (const asset of assets) {
      const response = await fetch(`${base}${asset}`);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(REPO_ROOT, 'dist', 'web', asset)))).toBe(true);
    }
  });
});

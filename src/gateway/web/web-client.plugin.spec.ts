import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fastify, { type FastifyInstance } from 'fastify';
import { loadWebAssets, webDistDirectory, WEB_DIST } from './web-assets';
import { webClientRoutes } from './web-client.plugin';

describe('the web client routes', () => {
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'chatterroom-web-'));
    const dist = join(root, WEB_DIST);
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/app-1.js"></script><a href="/assets/notes.txt">notes</a>');
    writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log("hi");'.repeat(50));
    writeFileSync(join(dist, 'assets', 'notes.txt'), 'not served: not a type the client uses');
    writeFileSync(join(dist, 'assets', 'unnamed.js'), 'not served: the page does not name it');
    app = fastify();
    await app.register(webClientRoutes, { assets: loadWebAssets(webDistDirectory(join(root, 'src', 'gateway', 'web'))) });
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / without a token, revalidated on every load', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('/assets/app-1.js');
  });

  it('serves hashed assets cacheable for a year, gzipped for clients that accept it', async () => {
    const plain = await app.inject({ method: 'GET', url: '/assets/app-1.js' });
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzipped = await app.inject({ method: 'GET', url: '/assets/app-1.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(plain.body);
    expect(gzipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
  });

  it('answers 404 for files it does not have or does not serve', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/assets/notes.txt' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/assets/unnamed.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/assets/../index.html' })).statusCode).not.toBe(500);
  });

  it('without a build, / says how to make one', async () => {
    const bare = fastify();
    await bare.register(webClientRoutes, { assets: loadWebAssets(undefined) });
    const page = await bare.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build');
    await bare.close();
  });
});

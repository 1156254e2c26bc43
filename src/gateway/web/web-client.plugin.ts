import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { loadWebAssets, webDistDirectory, type WebAsset, type WebAssets } from './web-assets';

const NOT_BUILT_PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>ChatterRoom</title>' +
  '<p>The web client is not built: run <code>npm run build</code> and restart.</p></html>';

const acceptsGzip = (request: FastifyRequest): boolean => /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

const send = (request: FastifyRequest, reply: FastifyReply, asset: WebAsset): FastifyReply => {
  reply
    .header('content-type', asset.contentType)
    .header('cache-control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    .header('vary', 'accept-encoding');
  if (acceptsGzip(request)) return reply.header('content-encoding', 'gzip').send(asset.gzipped);
  return reply.send(asset.body);
};

/**
 * The browser client at `/` and its files under `/assets/` (public: the page signs in by
 * itself), read once from the built `dist/web` (or the single binary's embedded copy). Hidden
 * from the OpenAPI document: it is a page, not an API. Without a build, `/` says how to make one.
 */
export const webClientRoutes: FastifyPluginAsync<{ assets?: WebAssets }> = async (app, options) => {
  const assets = options.assets ?? loadWebAssets(webDistDirectory());
  const route = { config: { public: true }, schema: { hide: true } } as const;
  app.get('/', route, async (request, reply) => {
    const page = assets.get('/');
    if (page === undefined) return reply.code(503).header('content-type', 'text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    return send(request, reply, page);
  });
  app.get<{ Params: { '*': string } }>('/assets/*', route, async (request, reply) => {
    const asset = assets.get(`/assets/${request.params['*']}`);
    if (asset === undefined) return reply.callNotFound();
    return send(request, reply, asset);
  });
};

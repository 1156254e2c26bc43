import type { FastifyPluginAsync } from 'fastify';
import { GRAPHIQL_ASSETS, readGraphiqlAsset, type GraphiqlAssetName } from './graphiql-assets';
import { GRAPHIQL_START_SCRIPT, graphiqlAssetsPath, graphiqlPage } from './graphiql-page';

export interface GraphiqlRoutesOptions {
  /** The page's path (/graphiql). */
  readonly path: string;
  /** The GraphQL endpoint the page talks to (/graphql). */
  readonly graphqlPath: string;
}

const hidden = { config: { public: true }, schema: { hide: true } } as const;

/**
 * GraphiQL at `path`, with its assets served from this process (no CDN: it works on an
 * air-gapped server). The files are read once, when the routes are registered.
 */
export const graphiqlRoutes: FastifyPluginAsync<GraphiqlRoutesOptions> = async (app, { path, graphqlPath }) => {
  const page = graphiqlPage(path, graphqlPath);
  app.get(path, hidden, async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  app.get(`${graphiqlAssetsPath(path)}/start.js`, hidden, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(GRAPHIQL_START_SCRIPT),
  );
  for (const name of Object.keys(GRAPHIQL_ASSETS) as GraphiqlAssetName[]) {
    const content = readGraphiqlAsset(name);
    app.get(`${graphiqlAssetsPath(path)}/${name}`, hidden, async (_request, reply) =>
      reply.type(GRAPHIQL_ASSETS[name].type).header('cache-control', 'public, max-age=3600').send(content),
    );
  }
};

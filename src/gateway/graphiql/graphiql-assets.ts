import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * GraphiQL's browser files, from the npm packages `graphiql`, `react` and `react-dom`
 * (development dependencies): `npm run build` copies them into `dist/graphiql/`
 * (scripts/build/copy-graphiql-assets.mjs), the single binary embeds them from
 * node_modules. Nothing is loaded from the Internet.
 */
export const GRAPHIQL_ASSETS = {
  'graphiql.min.js': { from: 'graphiql/graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.min.css': { from: 'graphiql/graphiql.min.css', type: 'text/css; charset=utf-8' },
  'react.production.min.js': { from: 'react/umd/react.production.min.js', type: 'text/javascript; charset=utf-8' },
  'react-dom.production.min.js': { from: 'react-dom/umd/react-dom.production.min.js', type: 'text/javascript; charset=utf-8' },
} as const;

export type GraphiqlAssetName = keyof typeof GRAPHIQL_ASSETS;

/** Where the build puts the copies, under `dist/`. */
export const GRAPHIQL_ASSETS_FOLDER = 'graphiql';

/**
 * One asset's content, found upwards from this file: `dist/graphiql/<name>` of a build, or
 * the package's file in `node_modules` (sources, tests, the single binary).
 * @throws Error naming the file and what to run when neither exists.
 */
export const readGraphiqlAsset = (name: GraphiqlAssetName, start: string = __dirname): Buffer => {
  const { from } = GRAPHIQL_ASSETS[name];
  for (let dir = start; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, GRAPHIQL_ASSETS_FOLDER, name), join(dir, 'node_modules', from)]) {
      if (existsSync(candidate)) return readFileSync(candidate);
    }
    if (dirname(dir) === dir) throw new Error(`GraphiQL asset ${name} not found above ${start}: run npm install and npm run build (it copies node_modules/${from})`);
  }
};

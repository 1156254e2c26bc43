// Copies GraphiQL's browser files (npm packages graphiql, react, react-dom, development
// dependencies) into dist/graphiql/, so a build serves /graphiql without node_modules and
// without the Internet (src/gateway/graphiql/graphiql-assets.ts names the files).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FILES = {
  'graphiql.min.js': 'graphiql/graphiql.min.js',
  'graphiql.min.css': 'graphiql/graphiql.min.css',
  'react.production.min.js': 'react/umd/react.production.min.js',
  'react-dom.production.min.js': 'react-dom/umd/react-dom.production.min.js',
};

const target = join(root, 'dist', 'graphiql');
mkdirSync(target, { recursive: true });
for (const [name, from] of Object.entries(FILES)) {
  const source = join(root, 'node_modules', from);
  if (!existsSync(source)) {
    console.error(`build: ${source} is missing: run npm install (graphiql, react and react-dom are development dependencies)`);
    process.exit(1);
  }
  copyFileSync(source, join(target, name));
}

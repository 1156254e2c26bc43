// Compiles the TypeScript sources only when one of them changed since the last build,
// so `npm start` answers in a second or two instead of waiting for tsc every time; and
// bundles the web client (build-web.mjs) only when one of its inputs changed.
// Each stamp records its inputs' fingerprint (fingerprint.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb } from './build-web.mjs';
import { fingerprint } from './fingerprint.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const force = process.argv.includes('--force');

/** Runs `work` when the fingerprint of `inputs` differs from the one in `stampFile`, then records it. */
const whenStale = async (inputs, stampFile, work) => {
  const before = fingerprint(root, inputs);
  if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === before) return;
  await work();
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, before);
};

await whenStale(['src', 'modules', 'proto', 'tsconfig.json', 'tsconfig.build.json', 'package.json'], join(root, 'dist', '.build-stamp'), () => {
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // tsc keeps the package-style aliases of tsconfig.json's `paths` as written; make them relative in dist/.
  execFileSync(process.execPath, [join(root, 'node_modules', 'tsc-alias', 'dist', 'bin', 'index.js'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [join(root, 'scripts', 'build', 'copy-graphiql-assets.mjs')], { cwd: root, stdio: 'inherit' });
});
await whenStale(
  ['web/src', 'web/index.html', 'web/tsconfig.json', 'scripts/build/build-web.mjs', 'package.json', 'package-lock.json'],
  join(root, 'dist', '.web-build-stamp'),
  () => buildWeb(root),
);

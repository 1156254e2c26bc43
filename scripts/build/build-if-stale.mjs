// Compiles the TypeScript sources only when one of them changed since the last build,
// so `npm start` answers in a second or two instead of waiting for tsc every time.
// The stamp records the inputs' fingerprint (fingerprint.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint } from './fingerprint.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const inputs = ['src', 'modules', 'proto', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
const stampFile = join(root, 'dist', '.build-stamp');

const before = fingerprint(root, inputs);
const force = process.argv.includes('--force');
if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === before) process.exit(0);
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
execFileSync(process.execPath, [join(root, 'scripts', 'build', 'copy-graphiql-assets.mjs')], { cwd: root, stdio: 'inherit' });
mkdirSync(dirname(stampFile), { recursive: true });
writeFileSync(stampFile, before);

// Compiles the TypeScript sources only when one of them changed since the last build,
// so `npm start` answers in a second or two instead of waiting for tsc every time.
// The stamp records the newest input's mtime and size sum; any edit, added or removed file changes it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const inputs = ['src', 'modules', 'proto', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
const stampFile = join(root, 'dist', '.build-stamp');

function fingerprint() {
  let newest = 0;
  let files = 0;
  let bytes = 0;
  const visit = (path) => {
    const info = statSync(path);
    if (info.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
      return;
    }
    newest = Math.max(newest, info.mtimeMs);
    files += 1;
    bytes += info.size;
  };
  for (const input of inputs) if (existsSync(join(root, input))) visit(join(root, input));
  return `${newest}:${files}:${bytes}`;
}

const before = fingerprint();
const force = process.argv.includes('--force');
if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === before) process.exit(0);
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
mkdirSync(dirname(stampFile), { recursive: true });
writeFileSync(stampFile, before);

// Compiles the bench (bench/tsconfig.json) into dist/bench, then rewrites the package-style import
// aliases (tsconfig.json `paths`) into relative requires, so `node dist/bench/bench/cli.js` runs as is.
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const config = join(root, 'bench', 'tsconfig.json');
for (const tool of [join('typescript', 'bin', 'tsc'), join('tsc-alias', 'dist', 'bin', 'index.js')]) {
  execFileSync(process.execPath, [join(root, 'node_modules', tool), '-p', config], { cwd: root, stdio: 'inherit' });
}

// esbuild plugin: gives every bundled module that uses `__dirname` / `__filename` its own
// path under a virtual root, as if the repository were unpacked there. In a bundle they would
// otherwise all name the bundle's (or the executable's) folder, and a library reading a file
// next to its code would read whatever happens to sit beside the binary. Under the virtual
// root, reads go to the files embedded in the bundle (embedded-fs.ts) and nowhere else.
import { readFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { dirname, extname, relative, sep } from 'node:path';

const USE_STRICT = /^(?:#![^\n]*\n)?\s*(?:\/\*[\s\S]*?\*\/\s*|\/\/[^\n]*\n\s*)*['"]use strict['"]/;
const DECLARES_OWN = /\b(?:var|let|const)\s+__(?:dirname|filename)\b/;
const SHEBANG = /^#![^\n]*\n/;

/**
 * A module's path as the repository lays it out: `node_modules/<package>/...` for a dependency
 * (wherever a linked node_modules really is), relative to the repository root otherwise.
 */
const repositoryPath = (repoRoot, path) => {
  const normal = path.split(sep).join('/');
  const dependency = normal.indexOf('/node_modules/');
  if (dependency >= 0) return normal.slice(dependency + 1);
  const inRepo = relative(repoRoot, path).split(sep).join('/');
  return inRepo.startsWith('..') ? undefined : inRepo;
};

/** @param {{ repoRoot: string, virtualRoot: string }} options */
export const modulePathsPlugin = ({ repoRoot, virtualRoot }) => ({
  name: 'chatterroom-module-paths',
  setup(build) {
    const root = realpathSync(repoRoot);
    build.onLoad({ filter: /\.(?:[cm]?js|ts)$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!/__(?:dirname|filename)\b/.test(source) || DECLARES_OWN.test(source)) return undefined;
      const inRepo = repositoryPath(root, args.path);
      if (inRepo === undefined) throw new Error(`${args.path} uses __dirname but lies outside the repository and its node_modules`);
      const filename = `${virtualRoot}/${inRepo}`;
      const header =
        (USE_STRICT.test(source) ? '"use strict";' : '') +
        `var __filename = ${JSON.stringify(filename)}, __dirname = ${JSON.stringify(dirname(filename))};`;
      const shebang = SHEBANG.exec(source)?.[0] ?? '';
      return {
        contents: `${shebang}${header}${source.slice(shebang.length)}`,
        loader: extname(args.path) === '.ts' ? 'ts' : 'js',
      };
    });
  },
});

// esbuild plugin: gives every bundled module that uses `__dirname` / `__filename` its own
// path under a virtual root, as if the repository were unpacked there. In a bundle they would
// otherwise all name the bundle's (or the executable's) folder, and a library reading a file
// next to its code would read whatever happens to sit beside the binary. Under the virtual
// root, reads go to the files embedded in the bundle (embedded-fs.ts) and nowhere else.
import { readFile } from 'node:fs/promises';
import { dirname, extname, relative, sep } from 'node:path';

const USE_STRICT = /^(?:#![^\n]*\n)?\s*(?:\/\*[\s\S]*?\*\/\s*|\/\/[^\n]*\n\s*)*['"]use strict['"]/;
const DECLARES_OWN = /\b(?:var|let|const)\s+__(?:dirname|filename)\b/;
const SHEBANG = /^#![^\n]*\n/;

/** @param {{ repoRoot: string, virtualRoot: string }} options */
export const modulePathsPlugin = ({ repoRoot, virtualRoot }) => ({
  name: 'chatterroom-module-paths',
  setup(build) {
    build.onLoad({ filter: /\.(?:[cm]?js|ts)$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!/__(?:dirname|filename)\b/.test(source) || DECLARES_OWN.test(source)) return undefined;
      const inRepo = relative(repoRoot, args.path).split(sep).join('/');
      if (inRepo.startsWith('..')) return undefined;
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

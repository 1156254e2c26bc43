// Builds the browser client (web/) into dist/web: esbuild bundles web/src/main.tsx (Preact, its
// CSS) into content-hashed files under dist/web/assets and writes dist/web/index.html naming them.
// The gateway serves that folder at `/` (src/gateway/web). Prints the gzipped size of the
// JavaScript a first load fetches and records it in dist/web-size.json (the budget: 150 KB).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The first load's JavaScript, gzipped, must stay under this (issue 12). */
export const JS_BUDGET_BYTES = 150 * 1024;

/** @param {string} root the repository root */
export const buildWeb = async (root) => {
  const outDir = join(root, 'dist', 'web');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'assets'), { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { app: join(root, 'web', 'src', 'main.tsx') },
    outdir: join(outDir, 'assets'),
    entryNames: '[name]-[hash]',
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2022', 'chrome111', 'firefox111', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(root, 'web', 'tsconfig.json'),
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).map((path) => basename(path));
  const js = outputs.find((name) => name.endsWith('.js'));
  const css = outputs.find((name) => name.endsWith('.css'));
  if (js === undefined || css === undefined) throw new Error(`build-web: expected a .js and a .css output, got ${outputs.join(', ')}`);
  const page = readFileSync(join(root, 'web', 'index.html'), 'utf8').replace('%APP_JS%', `/assets/${js}`).replace('%APP_CSS%', `/assets/${css}`);
  writeFileSync(join(outDir, 'index.html'), page);
  const jsBytes = readFileSync(join(outDir, 'assets', js));
  const size = { js, jsBytes: jsBytes.length, jsGzipBytes: gzipSync(jsBytes, { level: 9 }).length, budgetBytes: JS_BUDGET_BYTES };
  writeFileSync(join(root, 'dist', 'web-size.json'), `${JSON.stringify(size, null, 2)}\n`);
  if (size.jsGzipBytes > JS_BUDGET_BYTES) throw new Error(`build-web: ${js} is ${size.jsGzipBytes} bytes gzipped, over the ${JS_BUDGET_BYTES} budget`);
  console.log(`build-web: dist/web (${js} ${(size.jsBytes / 1024).toFixed(1)} KiB, ${(size.jsGzipBytes / 1024).toFixed(1)} KiB gzipped)`);
  return size;
};

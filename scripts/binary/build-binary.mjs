// `npm run build:binary`: the monolith as one executable file, dist/bin/chatterroom.
//   1. esbuild bundles the app (scripts/binary/binary-main.ts -> src/main.ts and every dependency)
//      into one CommonJS file, with the files it reads at run time embedded (EMBEDDED below);
//   2. Node's single executable applications turn it into a blob (sea-config.json);
//   3. postject injects the blob into a copy of the project's pinned Node 24 binary.
// `--if-stale` skips the work when no input changed since the last build (the test setup uses it).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, globSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inject } from 'postject';
import { fingerprint } from '../build/fingerprint.mjs';
import { modulePathsPlugin } from './module-paths.plugin.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'dist', 'bin');
const bundleFile = join(outDir, 'chatterroom.cjs');
const blobFile = join(outDir, 'chatterroom.blob');
const binaryFile = join(outDir, 'chatterroom');
const stampFile = join(outDir, '.binary-stamp');
const pinnedNode = join(root, 'node_modules', 'node', 'bin', 'node');
/** Where bundled modules believe they live (module-paths.plugin.mjs); never a real folder. */
const VIRTUAL_ROOT = '/__chatterroom_binary__';
/** Files the app reads next to its code at run time, relative to the repository root. */
const EMBEDDED = [
  'proto/*.proto',
  'node_modules/grpc-health-check/proto/**/*.proto',
  'node_modules/@grpc/reflection/build/proto/grpc/**/*.proto',
  'node_modules/mercurius/static/**/*',
  'node_modules/@fastify/swagger-ui/static/**/*',
  'node_modules/graphiql/graphiql.min.js',
  'node_modules/graphiql/graphiql.min.css',
  'node_modules/react/umd/react.production.min.js',
  'node_modules/react-dom/umd/react-dom.production.min.js',
  'dist/web/**/*',
];
const INPUTS = ['src', 'modules', 'proto', 'web/src', 'web/index.html', 'scripts/binary', 'scripts/build/build-web.mjs', 'package.json', 'package-lock.json'];
/** The fuse Node looks for to know a blob was injected (Node's single-executable documentation). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

const embeddedFiles = () =>
  Object.fromEntries(
    EMBEDDED.flatMap((pattern) => globSync(pattern, { cwd: root }))
      .filter((path) => statSync(join(root, path)).isFile())
      .sort()
      .map((path) => [path.split('\\').join('/'), readFileSync(join(root, path)).toString('base64')]),
  );

/** The module `chatterroom:embedded-files` (embedded-files.d.ts), made of `files`. */
const embeddedFilesPlugin = (files) => ({
  name: 'chatterroom-embedded-files',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^chatterroom:embedded-files$/ }, (args) => ({ path: args.path, namespace: 'embedded-files' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'embedded-files' }, () => ({ contents: `export default ${JSON.stringify(files)};`, loader: 'js' }));
  },
});

const bundle = async () => {
  const files = embeddedFiles();
  await build({
    entryPoints: [join(root, 'scripts', 'binary', 'binary-main.ts')],
    outfile: bundleFile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { CHATTERROOM_EMBEDDED_ROOT: JSON.stringify(VIRTUAL_ROOT) },
    plugins: [embeddedFilesPlugin(files), modulePathsPlugin({ repoRoot: root, virtualRoot: VIRTUAL_ROOT })],
  });
  return Object.keys(files).length;
};

/**
 * Drops the symbol tables from the copy (the dynamic symbols stay): about 18 MiB less, and
 * postject parses less. Only where binutils' `strip` is installed; without it the binary works
 * the same, it is only larger.
 */
const stripSymbols = (file) => {
  try {
    execFileSync('strip', [file], { stdio: 'ignore' });
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    console.warn('build:binary: no `strip` on PATH (binutils): the binary keeps its symbol tables');
  }
};

const main = async () => {
  const inputs = fingerprint(root, INPUTS);
  if (process.argv.includes('--if-stale') && existsSync(binaryFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === inputs) {
    return;
  }
  if (!existsSync(pinnedNode)) throw new Error(`${pinnedNode} is missing: run npm ci (the node package pins the runtime)`);
  const started = Date.now();
  const steps = [];
  const step = async (name, work) => {
    const from = Date.now();
    const result = await work();
    steps.push(`${name} ${((Date.now() - from) / 1000).toFixed(1)} s`);
    return result;
  };
  mkdirSync(outDir, { recursive: true });
  rmSync(stampFile, { force: true });
  // The web client it embeds (dist/web) must be current.
  execFileSync(process.execPath, [join(root, 'scripts', 'build', 'build-if-stale.mjs')], { cwd: root, stdio: 'inherit' });
  const embedded = await step('bundle', bundle);
  await step('blob', () =>
    execFileSync(pinnedNode, ['--experimental-sea-config', join('scripts', 'binary', 'sea-config.json')], { cwd: root, stdio: 'inherit' }),
  );
  await step('inject', async () => {
    // Made under another name and renamed: a process started from the binary never runs a half-written file.
    const unfinished = `${binaryFile}.${process.pid}.tmp`;
    copyFileSync(pinnedNode, unfinished);
    chmodSync(unfinished, 0o755);
    stripSymbols(unfinished);
    await inject(unfinished, 'NODE_SEA_BLOB', readFileSync(blobFile), { sentinelFuse: SEA_FUSE });
    renameSync(unfinished, binaryFile);
  });
  rmSync(blobFile);
  writeFileSync(stampFile, inputs);
  const mib = (path) => (statSync(path).size / 2 ** 20).toFixed(1);
  console.log(
    `build:binary: ${binaryFile} (${mib(binaryFile)} MiB; bundle ${mib(bundleFile)} MiB, ${embedded} embedded files) ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s (${steps.join(', ')})`,
  );
};

main().catch((error) => {
  console.error(`build:binary failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');

export interface SourceFile {
  /** Repo-relative, with forward slashes: `modules/chat/domain/room-name.ts`. */
  readonly path: string;
  readonly text: string;
  /** Each import: a package name (`fastify`, `@grpc/grpc-js`) or a repo-relative module path without extension (aliases resolved). */
  readonly imports: readonly string[];
  /** The repo-relative targets of its relative (`./`, `../`) imports. */
  readonly relativeImports: readonly string[];
}

/** The part of the repository a path belongs to: `modules/<module>` or `src/<folder>`; a relative import stays inside it. */
export const areaOf = (path: string): string => path.split('/').slice(0, 2).join('/');

const IMPORT_PATTERN = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;

/** tsconfig.json's `paths`: the package-style aliases (`@chatterroom/kernel` -> `./modules/kernel`). */
const ALIASES: ReadonlyArray<readonly [string, string]> = Object.entries(
  (JSON.parse(readFileSync(join(REPO_ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } }).compilerOptions.paths,
).map(([alias, [target = '']]) => [alias.replace(/\*$/, ''), target.replace(/^\.\//, '').replace(/\*$/, '')] as const);

/** The repo-relative path an alias names (`@chatterroom/chat/ports` -> `modules/chat/ports`), or undefined for a package. */
export const aliasedPath = (specifier: string): string | undefined => {
  const match = ALIASES.find(([alias]) => (alias.endsWith('/') ? specifier.startsWith(alias) : specifier === alias));
  return match === undefined ? undefined : match[1] + specifier.slice(match[0].length);
};

const packageName = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier);

const walk = (dir: string): string[] =>
  readdirSync(join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return walk(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

/** Specs only: test kits live under `test/` (see module-boundaries.spec.ts), so every other file here ships. */
const isTestFile = (path: string): boolean => /\.spec\.ts$/.test(path);

/** The production TypeScript files under `roots` (tests and test helpers left out), with their imports. */
export const productionSources = (roots: readonly string[]): SourceFile[] =>
  roots
    .flatMap(walk)
    .filter((path) => !isTestFile(path))
    .map((path) => {
      const text = readFileSync(join(REPO_ROOT, path), 'utf8');
      const specifiers = [...text.matchAll(IMPORT_PATTERN)].map(([, specifier = '']) => specifier);
      const relativeImports = specifiers.filter((specifier) => specifier.startsWith('.')).map((specifier) => relative(REPO_ROOT, resolve(REPO_ROOT, dirname(path), specifier)));
      const imports = specifiers.map((specifier) =>
        specifier.startsWith('.')
          ? relative(REPO_ROOT, resolve(REPO_ROOT, dirname(path), specifier))
          : (aliasedPath(specifier) ?? packageName(specifier.replace(/^node:/, 'node:'))),
      );
      return { path, text, imports, relativeImports };
    });

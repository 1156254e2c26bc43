import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');

export interface SourceFile {
  /** Repo-relative, with forward slashes: `modules/chat/domain/room-name.ts`. */
  readonly path: string;
  readonly text: string;
  /** Each import: a package name (`fastify`, `@grpc/grpc-js`) or a repo-relative module path without extension. */
  readonly imports: readonly string[];
}

const IMPORT_PATTERN = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;

const packageName = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier);

const walk = (dir: string): string[] =>
  readdirSync(join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return walk(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });

const isTestFile = (path: string): boolean => /\.spec\.ts$|\.testing\.ts$|\/testing\//.test(path);

/** The production TypeScript files under `roots` (tests and test helpers left out), with their imports. */
export const productionSources = (roots: readonly string[]): SourceFile[] =>
  roots
    .flatMap(walk)
    .filter((path) => !isTestFile(path))
    .map((path) => {
      const text = readFileSync(join(REPO_ROOT, path), 'utf8');
      const imports = [...text.matchAll(IMPORT_PATTERN)].map(([, specifier = '']) =>
        specifier.startsWith('.') ? relative(REPO_ROOT, resolve(REPO_ROOT, dirname(path), specifier)) : packageName(specifier.replace(/^node:/, 'node:')),
      );
      return { path, text, imports };
    });

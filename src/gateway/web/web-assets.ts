import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One file of the built web client, ready to answer with. */
export interface WebAsset {
  readonly contentType: string;
  readonly body: Buffer;
  /** The same bytes gzipped, sent to clients that accept gzip. */
  readonly gzipped: Buffer;
  /** Hashed file names never change content: cache them for a year; index.html is revalidated. */
  readonly immutable: boolean;
}

/** The built client's files by URL path (`/`, `/assets/app-3F2A.js`...). */
export type WebAssets = ReadonlyMap<string, WebAsset>;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** Where `npm run build` puts the web client (scripts/build/build-web.mjs), relative to the repository root. */
export const WEB_DIST = join('dist', 'web');

/**
 * The built web client's folder, found upwards from this file: `<repo>/dist/web` from the
 * TypeScript sources and from `dist/src/...`, and the embedded copy inside the single binary.
 * Undefined when the client was not built.
 */
export const webDistDirectory = (start: string = __dirname): string | undefined => {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, WEB_DIST, 'index.html'))) return join(dir, WEB_DIST);
    if (dirname(dir) === dir) return undefined;
  }
};

/** The `/assets/...` files a page names in `src=` and `href=`. */
const assetsNamedIn = (page: string): string[] => [...page.matchAll(/(?:src|href)="\/(assets\/[^"?#]+)"/g)].map((match) => match[1]!);

const assetOf = (path: string, body: Buffer): WebAsset | undefined => {
  const contentType = CONTENT_TYPES[extname(path)];
  if (contentType === undefined) return undefined;
  return { contentType, body, gzipped: gzipSync(body, { level: 9 }), immutable: path.startsWith('/assets/') };
};

/**
 * Reads the built client into memory once (it is small: see the README's web client section),
 * each file with its gzipped form: `index.html` and the files under `assets/` that it names (the
 * build writes only those; naming them avoids listing folders, which the single binary's embedded
 * files cannot do). An empty map when `dir` is undefined.
 */
export const loadWebAssets = (dir: string | undefined): WebAssets => {
  const assets = new Map<string, WebAsset>();
  if (dir === undefined) return assets;
  const page = readFileSync(join(dir, 'index.html'));
  assets.set('/', assetOf('/index.html', page)!);
  for (const file of assetsNamedIn(page.toString('utf8'))) {
    const asset = assetOf(`/${file}`, readFileSync(join(dir, file)));
    if (asset !== undefined) assets.set(`/${file}`, asset);
  }
  return assets;
};

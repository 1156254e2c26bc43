import fs from 'node:fs';
import { posix } from 'node:path';
import { Readable } from 'node:stream';

/** Files baked into the bundle: path relative to the repository root -> base64 content. */
export type EmbeddedFiles = Readonly<Record<string, string>>;

type Callback<T> = (error: NodeJS.ErrnoException | null, value?: T) => void;

const notFound = (syscall: string, path: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`ENOENT: no such file or directory, ${syscall} '${path}' (not embedded in this binary)`), {
    errno: -2, code: 'ENOENT', syscall, path,
  });

const pathOf = (path: fs.PathLike | number): string | undefined =>
  typeof path === 'string' ? path : path instanceof URL && path.protocol === 'file:' ? path.pathname : undefined;

/**
 * A read-only view of `files` under the absolute folder `root`, laid over node:fs: the bundler
 * rewrites each bundled module's `__dirname` to its place under `root`, so libraries that read
 * files next to their code (grpc-health-check's and reflection's protos, our proto/, mercurius'
 * GraphiQL page) find them here. Paths outside `root` go to the real file system untouched;
 * paths inside it that are not embedded fail with ENOENT, never reaching the disk.
 * Returns a function that puts node:fs back as it was.
 */
export const installEmbeddedFs = (root: string, files: EmbeddedFiles): (() => void) => {
  const contents = new Map<string, Buffer>();
  const folders = new Set<string>([root]);
  for (const [relative, base64] of Object.entries(files)) {
    const absolute = posix.join(root, relative);
    contents.set(absolute, Buffer.from(base64, 'base64'));
    for (let dir = posix.dirname(absolute); dir.startsWith(root) && !folders.has(dir); dir = posix.dirname(dir)) folders.add(dir);
  }
  const loadedAt = new Date();
  const inside = (path: fs.PathLike | number): string | undefined => {
    const text = pathOf(path);
    if (text === undefined) return undefined;
    const normal = posix.normalize(text);
    return normal === root || normal.startsWith(`${root}/`) ? normal : undefined;
  };
  const read = (syscall: string, path: string): Buffer => {
    const content = contents.get(path);
    if (content === undefined) throw notFound(syscall, path);
    return content;
  };
  const stats = (syscall: string, path: string): fs.Stats => {
    const isFile = contents.has(path);
    if (!isFile && !folders.has(path)) throw notFound(syscall, path);
    const size = isFile ? contents.get(path)!.length : 0;
    return Object.assign(Object.create(fs.Stats.prototype) as fs.Stats, {
      dev: 0, ino: 0, mode: isFile ? 0o100444 : 0o40555, nlink: 1, uid: 0, gid: 0, rdev: 0, size, blksize: 4096,
      blocks: Math.ceil(size / 512), atimeMs: loadedAt.getTime(), mtimeMs: loadedAt.getTime(), ctimeMs: loadedAt.getTime(),
      birthtimeMs: loadedAt.getTime(), atime: loadedAt, mtime: loadedAt, ctime: loadedAt, birthtime: loadedAt,
      isFile: () => isFile, isDirectory: () => !isFile, isSymbolicLink: () => false, isFIFO: () => false,
      isSocket: () => false, isBlockDevice: () => false, isCharacterDevice: () => false,
    });
  };
  const decode = (content: Buffer, options: unknown): string | Buffer => {
    const encoding = typeof options === 'string' ? (options as BufferEncoding) : (options as { encoding?: BufferEncoding } | undefined)?.encoding;
    return encoding ? content.toString(encoding) : Buffer.from(content);
  };
  const later = <T>(callback: Callback<T>, produce: () => T): void => {
    let value: T;
    try {
      value = produce();
    } catch (error) {
      process.nextTick(callback, error as NodeJS.ErrnoException);
      return;
    }
    process.nextTick(callback, null, value);
  };

  const real = {
    readFileSync: fs.readFileSync, readFile: fs.readFile, existsSync: fs.existsSync, accessSync: fs.accessSync,
    statSync: fs.statSync, stat: fs.stat, createReadStream: fs.createReadStream,
  };
  const realPromisesReadFile = fs.promises.readFile;
  const overlay: Record<string, unknown> = {
    readFileSync: (path: fs.PathOrFileDescriptor, options?: unknown) => {
      const virtual = inside(path);
      return virtual === undefined ? real.readFileSync(path, options as never) : decode(read('open', virtual), options);
    },
    readFile: (path: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      const virtual = inside(path);
      if (virtual === undefined) return (real.readFile as (...args: unknown[]) => void)(path, ...rest);
      const callback = rest.pop() as Callback<string | Buffer>;
      later(callback, () => decode(read('open', virtual), rest[0]));
    },
    existsSync: (path: fs.PathLike) => {
      const virtual = inside(path);
      return virtual === undefined ? real.existsSync(path) : contents.has(virtual) || folders.has(virtual);
    },
    accessSync: (path: fs.PathLike, mode?: number) => {
      const virtual = inside(path);
      if (virtual === undefined) return real.accessSync(path, mode);
      stats('access', virtual);
      if (mode !== undefined && (mode & fs.constants.W_OK) !== 0) {
        throw Object.assign(new Error(`EROFS: read-only file system, access '${virtual}'`), { code: 'EROFS', syscall: 'access', path: virtual });
      }
    },
    statSync: (path: fs.PathLike, options?: fs.StatSyncOptions) => {
      const virtual = inside(path);
      if (virtual === undefined) return real.statSync(path, options);
      if (options?.throwIfNoEntry === false && !contents.has(virtual) && !folders.has(virtual)) return undefined;
      return stats('stat', virtual);
    },
    stat: (path: fs.PathLike, ...rest: unknown[]) => {
      const virtual = inside(path);
      if (virtual === undefined) return (real.stat as (...args: unknown[]) => void)(path, ...rest);
      later(rest.pop() as Callback<fs.Stats>, () => stats('stat', virtual));
    },
    createReadStream: (path: fs.PathLike, options?: { start?: number; end?: number; encoding?: BufferEncoding }) => {
      const virtual = inside(path);
      if (virtual === undefined) return real.createReadStream(path, options as never);
      const content = read('open', virtual).subarray(options?.start ?? 0, options?.end === undefined ? undefined : options.end + 1);
      return Readable.from([options?.encoding ? content.toString(options.encoding) : content]);
    },
  };
  Object.assign(fs, overlay);
  fs.promises.readFile = ((path: fs.PathLike | fs.promises.FileHandle, options?: unknown) => {
    const virtual = typeof path === 'object' && 'fd' in path ? undefined : inside(path);
    if (virtual === undefined) return realPromisesReadFile(path, options as never);
    return new Promise((resolve, reject) => later((error, value) => (error ? reject(error) : resolve(value)), () => decode(read('open', virtual), options)));
  }) as typeof fs.promises.readFile;
  return () => {
    Object.assign(fs, real);
    fs.promises.readFile = realPromisesReadFile;
  };
};

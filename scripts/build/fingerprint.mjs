// The newest mtime, file count and size sum of some inputs: any edit, added or removed file changes it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} root @param {readonly string[]} inputs paths under root, files or folders */
export const fingerprint = (root, inputs) => {
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
};

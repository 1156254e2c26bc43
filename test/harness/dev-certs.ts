import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..');

/** A set of development certificates made by scripts/dev-certs.sh in a temporary directory. */
export interface DevCerts {
  readonly dir: string;
  /** The path of one of its files (`ca.crt`, `gateway.key`...). */
  path(name: string): string;
  /** The content of one of its files. */
  read(name: string): Buffer;
  remove(): void;
}

/** Runs scripts/dev-certs.sh (openssl) into a fresh temporary directory: a new CA each time. */
export const makeDevCerts = (): DevCerts => {
  const dir = mkdtempSync(join(tmpdir(), 'chatterroom-certs-'));
  execFileSync('bash', [join(repoRoot, 'scripts/dev-certs.sh'), dir], { stdio: 'pipe' });
  return {
    dir,
    path: (name) => join(dir, name),
    read: (name) => readFileSync(join(dir, name)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
};

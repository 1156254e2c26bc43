import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port';
import { httpHealthy, waitUntilReady } from '../readiness';
import { RoleProcess } from '../role-process';
import { gatewayEndpoint, runningTarget, stopAllOnFailure, type RunningTarget, type TargetOptions } from './running-target';

const HOST = '127.0.0.1';

/** Builds dist/bin/chatterroom unless it is newer than every input (`npm run build:binary -- --if-stale`). */
export const ensureBinary = (rootDir: string): string => {
  execFileSync(process.execPath, [join(rootDir, 'scripts', 'binary', 'build-binary.mjs'), '--if-stale'], { cwd: rootDir, stdio: 'inherit' });
  return join(rootDir, 'dist', 'bin', 'chatterroom');
};

/**
 * The single executable as a self-hoster runs it: copied alone into a fresh folder and
 * started there with no arguments (the monolith), with the storage the monolith picks by
 * default (SQLite in `./data`, so in that folder) unless `options.env` says otherwise. The
 * folder goes when the target stops.
 */
export const startBinary = async (options: TargetOptions): Promise<RunningTarget> => {
  const built = ensureBinary(options.rootDir);
  const dir = mkdtempSync(join(tmpdir(), 'chatterroom-binary-'));
  const executable = join(dir, 'chatterroom');
  copyFileSync(built, executable);
  const port = await freePort(HOST);
  const binary = new RoleProcess({
    name: 'binary',
    role: 'monolith',
    executable,
    args: [],
    cwd: dir,
    env: { PORT: String(port), HOST, LOG_LEVEL: options.logLevel, BCRYPT_COST: '4', ...options.env },
  });
  const endpoint = gatewayEndpoint(HOST, port);
  const removeFolder = async () => rmSync(dir, { recursive: true, force: true });
  try {
    await stopAllOnFailure([binary], () =>
      waitUntilReady(binary, `GET ${endpoint.httpUrl}/health`, () => httpHealthy(endpoint.httpUrl), options.startTimeoutMs),
    );
  } catch (error) {
    await removeFolder();
    throw error;
  }
  return runningTarget({ gateways: [endpoint] }, [binary], removeFolder);
};

import { spawn } from 'node:child_process';
import { compiledMain } from '@chatterroom/test/harness/system/targets/running-target';
import { ROLE_VARIABLES } from '@chatterroom/test/harness/system/role-process';
import { REPO_ROOT_DIR } from './started-processes';

export interface MainOutcome {
  /** The exit code; null when it was killed (for instance because it did not stop by itself). */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunMainOptions {
  /** Run as this user and group (to be unprivileged when the tests run as root). */
  readonly uid?: number;
  readonly gid?: number;
  readonly timeoutMs?: number;
}

/**
 * Runs `node dist/src/main.js <args>` to its end with only `env` (none of the caller's role
 * variables), SIGKILLing it after `timeoutMs`: for commands, and for starts that must fail.
 */
export const runMain = (args: readonly string[], env: Readonly<Record<string, string>>, options: RunMainOptions = {}): Promise<MainOutcome> => {
  const inherited: Record<string, string | undefined> = { ...process.env };
  for (const name of ROLE_VARIABLES) delete inherited[name];
  const child = spawn(process.execPath, [compiledMain(REPO_ROOT_DIR), ...args], {
    cwd: REPO_ROOT_DIR,
    env: { ...inherited, LOG_LEVEL: 'warn', PORT: '0', METRICS_PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
};

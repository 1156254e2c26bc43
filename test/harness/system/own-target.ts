import { resolve } from 'node:path';
import { sutName } from './system';
import { startTarget } from './target-lifecycle';
import type { RunningTarget } from './targets/running-target';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/**
 * A target of this jest project's deployment, owned by one test file and started with
 * `env` on top of the usual (for settings the shared target must not have, such as low
 * limits). The file stops it in afterAll; it is killed if the worker exits first.
 */
export const startOwnTarget = async (env: Readonly<Record<string, string>>): Promise<RunningTarget> => {
  const target = await startTarget(sutName(), {
    rootDir: REPO_ROOT,
    startTimeoutMs: Number(process.env.SUT_START_TIMEOUT_MS ?? 90_000),
    logLevel: process.env.SUT_LOG_LEVEL ?? 'warn',
    env,
  });
  const kill = () => target.killNow();
  process.once('exit', kill);
  return {
    ...target,
    stop: async () => {
      process.off('exit', kill);
      await target.stop();
    },
  };
};

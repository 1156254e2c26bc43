import { join } from 'node:path';
import { sutName } from './system';
import type { SutEndpoints } from './sut-endpoints';
import { startMonolith } from './targets/monolith.target';
import type { RunningTarget } from './targets/running-target';
import { startSplit } from './targets/split.target';

const REPO_ROOT = join(__dirname, '..', '..', '..');

/**
 * A target of the jest project's kind started by one test file with settings of its own
 * (short token lifetimes...): stop it in afterAll. Its endpoints are not the project's.
 */
export const startOwnTarget = async (env: Readonly<Record<string, string>>): Promise<RunningTarget & { endpoints: SutEndpoints }> => {
  const start = sutName() === 'split' ? startSplit : startMonolith;
  return start({ rootDir: REPO_ROOT, startTimeoutMs: 90_000, logLevel: process.env.SUT_LOG_LEVEL ?? 'warn', env });
};

import { startBinary } from './targets/binary.target';
import { startMonolith } from './targets/monolith.target';
import type { RunningTarget, TargetOptions } from './targets/running-target';
import { startSplit } from './targets/split.target';
import { isSutName, publishEndpoints, unpublishEndpoints, type SutName } from './sut-endpoints';

const starters: Record<SutName, (options: TargetOptions) => Promise<RunningTarget>> = {
  monolith: startMonolith,
  split: startSplit,
  binary: startBinary,
};

/** Starts a target of the named deployment (the shared one, or one a test file owns). */
export const startTarget = (sut: SutName, options: TargetOptions): Promise<RunningTarget> => starters[sut](options);

/** Jest loads globalSetup and globalTeardown as separate modules: they meet on globalThis. */
const REGISTRY = Symbol.for('chatterroom.system-harness.targets');
type Registry = Map<SutName, RunningTarget>;
const registry = (): Registry => {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  if (holder[REGISTRY] === undefined) {
    const created: Registry = new Map();
    holder[REGISTRY] = created;
    process.once('exit', () => created.forEach((target) => target.killNow()));
  }
  return holder[REGISTRY];
};

interface JestProjectConfig {
  readonly rootDir: string;
  readonly globals: Record<string, unknown>;
}

const sutOf = (projectConfig: JestProjectConfig, expected: SutName): SutName => {
  const sut = projectConfig.globals.SUT;
  if (!isSutName(sut) || sut !== expected) {
    throw new Error(`The ${expected} globalSetup runs in a project whose globals.SUT is ${String(sut)}`);
  }
  return sut;
};

/** Starts the project's target once and publishes its endpoints to the test files. */
export const setUpTarget = async (expected: SutName, projectConfig: JestProjectConfig): Promise<void> => {
  const sut = sutOf(projectConfig, expected);
  if (registry().has(sut)) return;
  const target = await starters[sut]({
    rootDir: projectConfig.rootDir,
    startTimeoutMs: Number(process.env.SUT_START_TIMEOUT_MS ?? 90_000),
    logLevel: process.env.SUT_LOG_LEVEL ?? 'warn',
    // as docker-compose.split.yml runs it
    grpcTls: true,
  });
  registry().set(sut, target);
  publishEndpoints(sut, target.endpoints);
};

export const tearDownTarget = async (sut: SutName): Promise<void> => {
  const target = registry().get(sut);
  registry().delete(sut);
  unpublishEndpoints(sut);
  await target?.stop();
};

import { resolve } from 'node:path';
import { ChatSocket } from '@chatterroom/test/harness/system';
import { waitUntilReady } from '@chatterroom/test/harness/system/readiness';
import type { RoleProcess } from '@chatterroom/test/harness/system/role-process';
import type { RunningTarget, TargetOptions } from '@chatterroom/test/harness/system/targets/running-target';
import { dropDatabases, mongoUrlsIn } from '@chatterroom/test/harness/services/mongo-databases';

/** The repository root, where dist/src/main.js is built. */
export const REPO_ROOT_DIR = resolve(__dirname, '..', '..', '..');

/** How a resilience test starts a target of its own (after `npm run build`). */
export const targetOptions = (env?: Readonly<Record<string, string>>): TargetOptions => ({
  rootDir: REPO_ROOT_DIR,
  startTimeoutMs: Number(process.env.SUT_START_TIMEOUT_MS ?? 90_000),
  logLevel: process.env.SUT_LOG_LEVEL ?? 'warn',
  ...(env === undefined ? {} : { env }),
});

/** The target's process called `name` (e.g. `chat-service`). */
export const processNamed = (target: RunningTarget, name: string): RoleProcess => {
  const found = target.processes.find((child) => child.name === name);
  if (found === undefined) throw new Error(`the target has no process named ${name}`);
  return found;
};

/** `promise`, or a failure naming `what` once `ms` have passed. */
export const bounded = async <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Everything a test file started: targets and single processes. `cleanUp` (for afterAll)
 * closes the sockets, stops every process and drops every database they were given; the
 * processes are SIGKILLed if the jest worker exits first.
 */
export class StartedProcesses {
  private readonly targets: RunningTarget[] = [];
  private readonly processes: RoleProcess[] = [];
  private readonly killAll = () => {
    this.targets.forEach((target) => target.killNow());
    this.processes.forEach((child) => child.killNow());
  };

  constructor() {
    process.once('exit', this.killAll);
  }

  addTarget(target: RunningTarget): RunningTarget {
    this.targets.push(target);
    return target;
  }

  add(child: RoleProcess): RoleProcess {
    this.processes.push(child);
    return child;
  }

  /**
   * Starts `child` again (same role, name and environment, plus `envOverrides`) and waits
   * until `probe` (describing `what`) says it is ready.
   */
  async restart(child: RoleProcess, what: string, probe: () => Promise<boolean>, envOverrides?: Record<string, string>): Promise<RoleProcess> {
    const again = this.add(child.respawn(envOverrides));
    await waitUntilReady(again, what, probe, targetOptions().startTimeoutMs);
    return again;
  }

  async cleanUp(): Promise<void> {
    await ChatSocket.closeAll();
    for (const child of [...this.processes].reverse()) await child.stop();
    for (const target of [...this.targets].reverse()) await target.stop();
    process.removeListener('exit', this.killAll);
    const every = [...this.targets.flatMap((target) => target.processes), ...this.processes];
    await dropDatabases(mongoUrlsIn(every.map((child) => child.env)));
  }
}

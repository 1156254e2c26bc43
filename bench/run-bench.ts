import { loadavg } from 'node:os';
import { join } from 'node:path';
import { nowMs } from './load/clock';
import type { BenchReport, TargetOutcome } from './report/bench-report';
import { busiestProcesses, machineInfo } from './report/machine-info';
import type { BenchOptions } from './scenarios/bench-options';
import type { Scenario } from './scenarios/scenario';
import type { BenchTarget, TargetName } from './targets/bench-target';
import { HEAP_PROBE_DIR, HEAP_PROBE_PRELOAD } from './targets/heap-probe';
import { startTarget } from './targets/start-target';

export interface RunSettings {
  readonly rootDir: string;
  /** When set, every server process is CPU-profiled (see tools/cpu-profiler.preload.ts) into `<dir>/<target>/<scenario>/`. */
  readonly cpuProfDir?: string;
  /** The relay without per-tick write coalescing. */
  readonly naiveBaseline?: boolean;
  readonly log: (line: string) => void;
}

/** Preloaded into every server process by `--cpu-prof` (node's own flag is not allowed in NODE_OPTIONS on Node 20). */
const PROFILER_PRELOAD = join(__dirname, 'tools', 'cpu-profiler.preload.js');

/** Targets running right now, for the watchdog and signal handlers to kill. */
export const liveTargets = new Set<{ killNow(): void }>();

/**
 * The environment of ChatterRoom's server processes: rate limits off, the heap probe (memory
 * after a GC, see targets/heap-probe.ts), and the profiler when asked for.
 */
export const profilingEnv = (settings: Pick<RunSettings, 'cpuProfDir'>, dir: string): Record<string, string> => {
  const heapProbe = { BENCH_HEAP_PROBE_DIR: HEAP_PROBE_DIR };
  return settings.cpuProfDir === undefined
    ? { RATE_LIMITS: 'off', NODE_OPTIONS: `--require ${HEAP_PROBE_PRELOAD}`, ...heapProbe }
    : { RATE_LIMITS: 'off', NODE_OPTIONS: `--require ${HEAP_PROBE_PRELOAD} --require ${PROFILER_PRELOAD}`, ...heapProbe, BENCH_CPU_PROF_DIR: join(settings.cpuProfDir, dir) };
};

const describeError = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/** Whether `scenario` can run on target `name` (the baseline relay has no cursors, for instance). */
export const runsOn = (scenario: Scenario, name: TargetName): boolean => scenario.targets?.includes(name) ?? true;

/** Runs one scenario on a freshly started target, then stops the target; a failure is recorded, not thrown. */
const runOnFreshTarget = async (name: TargetName, scenario: Scenario, options: BenchOptions, settings: RunSettings): Promise<TargetOutcome> => {
  const log = (line: string) => settings.log(`[${name}] ${scenario.name}: ${line}`);
  // the bench measures capacity, not abuse: one user sending thousands of messages is its load
  const env = profilingEnv(settings, join(name, scenario.name));
  if (name === 'baseline' && settings.naiveBaseline) env.RELAY_COALESCE = '0';
  const began = nowMs();
  const seconds = () => Math.round((nowMs() - began) / 100) / 10;
  let target: BenchTarget;
  try {
    target = await startTarget(name, { rootDir: settings.rootDir, env, startTimeoutMs: 90_000 });
  } catch (error) {
    return { error: `could not start: ${describeError(error)}`, seconds: seconds() };
  }
  liveTargets.add(target);
  log(`started in ${Math.round(nowMs() - began)} ms: ${target.processes.map((p) => `${p.name}=${p.pid}`).join(' ')}`);
  try {
    return { cases: await scenario.run({ target, options, log }), seconds: seconds() };
  } catch (error) {
    log(`failed: ${describeError(error)}`);
    return { error: describeError(error), seconds: seconds() };
  } finally {
    await target.stop();
    liveTargets.delete(target);
    log(`took ${seconds()} s`);
  }
};

/**
 * Runs every scenario against every target, in one run: target by target, each scenario
 * on a target started for it alone (fresh databases, no backlog left by the previous
 * scenario), stopped afterwards. A scenario that fails is recorded with its error and
 * the run goes on.
 */
export const runBench = async (
  scenarios: readonly Scenario[],
  targets: readonly TargetName[],
  options: BenchOptions,
  settings: RunSettings,
): Promise<BenchReport> => {
  const report: BenchReport = {
    tool: 'chatterroom-bench',
    formatVersion: 1,
    scenarios: scenarios.map((scenario) => scenario.name),
    targets,
    startedAt: new Date().toISOString(),
    machine: machineInfo(),
    options,
    baseline: settings.naiveBaseline ? 'naive' : 'coalescing',
    serverRoot: settings.rootDir,
    results: Object.fromEntries(scenarios.map((scenario) => [scenario.name, {}])),
  };
  for (const name of targets) {
    for (const scenario of scenarios) {
      if (!runsOn(scenario, name)) continue;
      (report.results[scenario.name] ??= {})[name] = await runOnFreshTarget(name, scenario, options, settings);
    }
  }
  report.finishedAt = new Date().toISOString();
  report.machine.loadAverageAtEnd = loadavg().map((value) => Math.round(value * 100) / 100);
  report.machine.busiestAtEnd = busiestProcesses();
  return report;
};

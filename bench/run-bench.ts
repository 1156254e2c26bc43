import { loadavg } from 'node:os';
import { join } from 'node:path';
import { nowMs } from './load/clock';
import type { BenchReport, TargetOutcome } from './report/bench-report';
import { busiestProcesses, machineInfo } from './report/machine-info';
import type { BenchOptions } from './scenarios/bench-options';
import type { Scenario } from './scenarios/scenario';
import type { BenchTarget, TargetName } from './targets/bench-target';
import { startTarget } from './targets/start-target';

export interface RunSettings {
  readonly rootDir: string;
  /** When set, every server process is CPU-profiled (see tools/cpu-profiler.preload.ts) into `<dir>/<target>/`. */
  readonly cpuProfDir?: string;
  /** The relay without per-tick write coalescing. */
  readonly naiveBaseline?: boolean;
  readonly log: (line: string) => void;
}

/** Preloaded into every server process by `--cpu-prof` (node's own flag is not allowed in NODE_OPTIONS on Node 20). */
const PROFILER_PRELOAD = join(__dirname, 'tools', 'cpu-profiler.preload.js');

/** Targets running right now, for the watchdog and signal handlers to kill. */
export const liveTargets = new Set<BenchTarget>();

const describeError = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/**
 * Runs the scenarios against each target in turn, in one run: the target is started,
 * every scenario runs on it, it is stopped; then the next target. A scenario that fails
 * is recorded with its error and the run goes on.
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
    const log = (line: string) => settings.log(`[${name}] ${line}`);
    const env: Record<string, string> = settings.cpuProfDir === undefined
      ? {}
      : { NODE_OPTIONS: `--require ${PROFILER_PRELOAD}`, BENCH_CPU_PROF_DIR: join(settings.cpuProfDir, name) };
    let target: BenchTarget;
    const startedAt = nowMs();
    try {
      log('starting');
      if (name === 'baseline' && settings.naiveBaseline) env.RELAY_COALESCE = '0';
      target = await startTarget(name, { rootDir: settings.rootDir, env, startTimeoutMs: 90_000 });
      liveTargets.add(target);
      log(`started in ${Math.round(nowMs() - startedAt)} ms: ${target.processes.map((p) => `${p.name}=${p.pid}`).join(' ')}`);
    } catch (error) {
      for (const scenario of scenarios) {
        (report.results[scenario.name] ??= {})[name] = { error: `could not start: ${describeError(error)}`, seconds: 0 };
      }
      continue;
    }
    try {
      for (const scenario of scenarios) {
        const began = nowMs();
        let outcome: TargetOutcome;
        try {
          const cases = await scenario.run({ target, options, log: (line) => log(`${scenario.name}: ${line}`) });
          outcome = { cases, seconds: Math.round((nowMs() - began) / 100) / 10 };
        } catch (error) {
          log(`${scenario.name} failed: ${describeError(error)}`);
          outcome = { error: describeError(error), seconds: Math.round((nowMs() - began) / 100) / 10 };
        }
        (report.results[scenario.name] ??= {})[name] = outcome;
        log(`${scenario.name} took ${outcome.seconds} s`);
      }
    } finally {
      await target.stop();
      liveTargets.delete(target);
    }
  }
  report.finishedAt = new Date().toISOString();
  report.machine.loadAverageAtEnd = loadavg().map((value) => Math.round(value * 100) / 100);
  report.machine.busiestAtEnd = busiestProcesses();
  return report;
};

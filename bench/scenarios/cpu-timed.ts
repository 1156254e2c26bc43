import type { LatencyHistogram } from '../load/histogram';
import { CpuWindow } from '../targets/process-probe';
import type { BenchTarget } from '../targets/bench-target';
import { SHARED_SERVICE_NAMES } from '../targets/start-target';
import { timed } from './timed-requests';

/** Requests timed one at a time, with the CPU the target's own processes spent on them. */
export interface CpuTimed {
  readonly latency: LatencyHistogram;
  /** CPU of the target's own processes (not the shared database, broker and Redis) per request, in ms. */
  readonly cpuMsPerRequest: number;
  /** Every sampled process's CPU over the window, in % of one core (shared services included, for the table). */
  readonly usage: Record<string, number>;
}

/**
 * Times `count` calls of `call`, one at a time (as {@link timed}), while sampling the CPU of the
 * target's processes; the shared services (database, broker, Redis) are left out of the per-request
 * figure, since other work shares them.
 */
export const cpuTimed = async (target: BenchTarget, count: number, call: (index: number) => Promise<void>): Promise<CpuTimed> => {
  const cpu = new CpuWindow(target.processes);
  cpu.start();
  const started = performance.now();
  const latency = await timed(count, call);
  const seconds = (performance.now() - started) / 1000;
  const usage = cpu.stop();
  const ownPercent = Object.entries(usage).filter(([name]) => !SHARED_SERVICE_NAMES.has(name)).reduce((sum, [, percent]) => sum + percent, 0);
  return { latency, cpuMsPerRequest: ((ownPercent / 100) * seconds * 1000) / Math.max(count, 1), usage };
};

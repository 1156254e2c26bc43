import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A process whose CPU time and memory the bench samples, under the name the tables use. */
export interface ProbedProcess {
  readonly name: string;
  readonly pid: number;
}

export interface ProcessSample {
  /** user + system CPU seconds since the process started. */
  readonly cpuSeconds: number;
  readonly rssBytes: number;
}

const TICKS_PER_SECOND = 100;

/** CPU time and resident memory from /proc (Linux); undefined once the process is gone. */
export const sampleProcess = (pid: number): ProcessSample | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuTicks = Number(fields[11]) + Number(fields[12]);
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpuSeconds: cpuTicks / TICKS_PER_SECOND, rssBytes: Number(rss?.[1] ?? 0) * 1024 };
  } catch {
    return undefined;
  }
};

/** The pids of a process's children (Linux), e.g. the monolith's socket processes; none when it has none or is gone. */
export const childPidsOf = (pid: number): number[] => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

/** The pid listening on a local TCP port (via `ss`), or undefined. */
export const pidListeningOn = (port: number): number | undefined => {
  try {
    const out = execFileSync('ss', ['-Htlnp', `sport = :${port}`], { encoding: 'utf8', timeout: 5_000 });
    const match = /pid=(\d+)/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
};

/** CLOCK_MONOTONIC in microseconds: the clock V8's CPU profiles are stamped with. */
const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

/**
 * Samples every process at the start and end of a window: CPU use in % of one core over
 * it. The window's bounds on the monotonic clock let a `--cpu-prof` profile be cut to it.
 */
export class CpuWindow {
  private readonly started = new Map<string, ProcessSample>();
  private startedAt = 0;
  /** [start, end] in monotonic microseconds, once stopped. */
  monotonicWindow: [number, number] = [0, 0];

  constructor(private readonly processes: readonly ProbedProcess[]) {}

  start(): void {
    this.monotonicWindow = [monotonicMicros(), 0];
    this.startedAt = performance.now();
    for (const { name, pid } of this.processes) {
      const sample = sampleProcess(pid);
      if (sample) this.started.set(name, sample);
    }
  }

  /** `{ name: percent of one core }` since start(). */
  stop(): Record<string, number> {
    const seconds = (performance.now() - this.startedAt) / 1000;
    this.monotonicWindow = [this.monotonicWindow[0], monotonicMicros()];
    const usage: Record<string, number> = {};
    for (const { name, pid } of this.processes) {
      const before = this.started.get(name);
      const after = sampleProcess(pid);
      if (before && after && seconds > 0) usage[name] = Math.round(((after.cpuSeconds - before.cpuSeconds) / seconds) * 1000) / 10;
    }
    return usage;
  }
}

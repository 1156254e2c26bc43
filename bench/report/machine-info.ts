import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';

/** The busiest processes right now (`ps`), to say what else was running during a measurement. */
export const busiestProcesses = (count = 6): string[] => {
  try {
    const out = execFileSync('ps', ['-eo', 'pcpu,rss,comm', '--sort=-pcpu'], { encoding: 'utf8', timeout: 5_000 });
    return out.trim().split('\n').slice(1, count + 1).map((line) => line.trim().replace(/\s+/g, ' '));
  } catch {
    return [];
  }
};

/** What the machine is and how loaded it was: goes into every report. */
export const machineInfo = (): Record<string, unknown> => ({
  cpuModel: cpus()[0]?.model ?? 'unknown',
  cpuCount: cpus().length,
  memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
  kernel: release(),
  node: process.version,
  loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
  busiestAtStart: busiestProcesses(),
});

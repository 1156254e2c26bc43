import type { PeerName } from './peer-targets';
import type { PeerFigures, PeersReport } from './run-peers';

const format = (value: number, digits: number): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * Per system, the median over repetitions of `pick` and of its ratio to the best system of
 * the same repetition (the highest, or with `lowerIsBetter` the lowest).
 */
const ratioToBest = (
  report: PeersReport,
  caseName: string,
  pick: (figures: PeerFigures) => number,
  lowerIsBetter: boolean,
): Map<PeerName, { value: number; ratio: number }> => {
  const values = new Map<PeerName, number[]>();
  const ratios = new Map<PeerName, number[]>();
  for (const round of report.repetitions) {
    const figures = round[caseName] ?? {};
    const present = report.systems.flatMap((name) => (figures[name] === undefined ? [] : [[name, pick(figures[name] as PeerFigures)] as const]));
    const best = lowerIsBetter ? Math.min(...present.map(([, value]) => value)) : Math.max(...present.map(([, value]) => value));
    for (const [name, value] of present) {
      (values.get(name) ?? values.set(name, []).get(name))?.push(value);
      (ratios.get(name) ?? ratios.set(name, []).get(name))?.push(best > 0 ? value / best : Number.NaN);
    }
  }
  return new Map(report.systems.map((name) => [name, { value: median(values.get(name) ?? []), ratio: median(ratios.get(name) ?? []) }]));
};

const cell = (entry: { value: number; ratio: number } | undefined, digits: number): string =>
  entry === undefined || Number.isNaN(entry.value) ? '—' : `${format(entry.value, digits)} (${format(entry.ratio, 2)}×)`;

/**
 * The peers comparison as Markdown: one table per case (a row per system: median over the
 * repetitions, and in brackets the median ratio to the best system of each repetition),
 * then memory per idle socket.
 */
export const peersTables = (report: PeersReport): string => {
  const lines = [`### peers: fan-out against Centrifugo, Socket.IO and the raw relay (${report.repetitions.length} repetitions, medians; (n×) = ratio to the best system of each repetition)`];
  for (const skipped of report.skipped) lines.push('', `**${skipped.name} left out:** ${skipped.why}`);
  for (const caseName of report.caseNames) {
    const deliveries = ratioToBest(report, caseName, (f) => f.deliveriesPerSecond, false);
    const p50 = ratioToBest(report, caseName, (f) => f.p50Ms, true);
    const p99 = ratioToBest(report, caseName, (f) => f.p99Ms, true);
    const perCore = ratioToBest(report, caseName, (f) => f.deliveriesPerCoreSecond, false);
    const cpu = ratioToBest(report, caseName, (f) => f.cpuPercent, true);
    lines.push('', `#### ${caseName}`, '', '| system | deliveries/s | p50 ms | p99 ms | server CPU % of a core | deliveries per core-second | 1-min load |', '|---|--:|--:|--:|--:|--:|--:|');
    for (const name of report.systems) {
      const loads = report.repetitions.flatMap((round) => (round[caseName]?.[name] === undefined ? [] : [round[caseName]?.[name]?.loadAverage ?? 0]));
      const loadRange = loads.length === 0 ? '—' : `${format(Math.min(...loads), 1)}–${format(Math.max(...loads), 1)}`;
      lines.push(`| ${name} | ${cell(deliveries.get(name), 0)} | ${cell(p50.get(name), 2)} | ${cell(p99.get(name), 2)} | ${format(cpu.get(name)?.value ?? Number.NaN, 0)} | ${cell(perCore.get(name), 0)} | ${loadRange} |`);
    }
  }
  lines.push('', '#### idle sockets', '', '| system | sockets | RSS before → after MB | bytes per idle socket |', '|---|--:|--:|--:|');
  for (const name of report.systems) {
    const idle = report.idle[name];
    if (idle !== undefined) lines.push(`| ${name} | ${format(idle.sockets, 0)} | ${format(idle.rssBeforeMB, 1)} → ${format(idle.rssAfterMB, 1)} | ${format(idle.bytesPerSocket, 0)} |`);
  }
  return lines.join('\n');
};

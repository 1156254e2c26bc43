import { readFileSync } from 'node:fs';
import type { PeerName } from '../peers/peer-targets';
import type { PeerFigures, PeersReport } from '../peers/run-peers';

/**
 * `node dist/bench/bench/tools/peers-budget.js <report.json>`: the budget of issue 14 from a
 * peers run, as a Markdown table: the monolith against Centrifugo in the same repetitions
 * (fan-out at max per room size, p99 at half rate, CPU per delivery) and memory per idle socket.
 */
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const format = (value: number, digits = 0): string => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const main = (): void => {
  const path = process.argv[2];
  if (path === undefined) throw new Error('usage: peers-budget <report.json>');
  const report = JSON.parse(readFileSync(path, 'utf8')) as { peers?: PeersReport };
  const peers = report.peers;
  if (peers === undefined || !('repetitions' in peers)) throw new Error(`${path} has no peers results`);
  const figures = (caseName: string, name: PeerName): PeerFigures[] =>
    peers.repetitions.flatMap((round) => (round[caseName]?.[name] === undefined ? [] : [round[caseName]?.[name] as PeerFigures]));
  const pairs = (caseName: string, pick: (f: PeerFigures) => number) => {
    const ours = figures(caseName, 'monolith').map(pick);
    const theirs = figures(caseName, 'centrifugo').map(pick);
    return { ours: median(ours), theirs: median(theirs), ratio: median(ours.map((value, index) => value / (theirs[index] ?? Number.NaN))) };
  };
  const rows: string[] = ['| budget | goal | measured (median of the repetitions) | met |', '|---|---|---|---|'];
  const sizes = peers.caseNames.filter((name) => name.endsWith('· max')).map((name) => name.replace(' · max', ''));
  for (const room of sizes) {
    const max = pairs(`${room} · max`, (f) => f.deliveriesPerSecond);
    rows.push(`| monolith fan-out at max, ${room}, vs Centrifugo in the same repetition | ≥ 1.00× | **${format(max.ratio, 2)}×** (${format(max.ours)} vs ${format(max.theirs)} deliveries/s) | ${max.ratio >= 1 ? 'yes' : 'no'} |`);
  }
  for (const room of sizes) {
    const half = peers.caseNames.find((name) => name.startsWith(`${room} · `) && name !== `${room} · max`) ?? '';
    const p99 = pairs(half, (f) => f.p99Ms);
    rows.push(`| monolith p99 at half its max, ${room} | ≤ Centrifugo's + 5 ms | **${format(p99.ours, 1)} ms** vs ${format(p99.theirs, 1)} ms | ${p99.ours <= p99.theirs + 5 ? 'yes' : 'no'} |`);
  }
  for (const room of sizes) {
    const perCore = pairs(`${room} · max`, (f) => f.deliveriesPerCoreSecond);
    rows.push(`| CPU per delivery at max, ${room} (server processes) | published | monolith **${format(1e6 / perCore.ours, 2)} µs** (${format(perCore.ours)} deliveries per core-second), Centrifugo ${format(1e6 / perCore.theirs, 2)} µs (${format(perCore.theirs)}) | — |`);
  }
  const idle = peers.idle.monolith;
  if (idle !== undefined) {
    const others = (['centrifugo', 'socketio', 'baseline'] as const).map((name) => `${name} ${format((peers.idle[name]?.bytesPerSocket ?? Number.NaN) / 1024, 1)} KB`).join(', ');
    rows.push(`| memory per idle socket (RSS growth / ${format(idle.sockets)} sockets) | ≤ 5 KB | **${format(idle.bytesPerSocket / 1024, 1)} KB** (${others}) | ${idle.bytesPerSocket <= 5 * 1024 ? 'yes' : 'no'} |`);
  }
  console.log(rows.join('\n'));
};

main();

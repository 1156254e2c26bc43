import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseCliArgs, USAGE, type CliArgs } from './cli-args';
import { centrifugoBinary } from './peers/peer-targets';
import { peersTables } from './peers/peers-table';
import { runPeers, type PeersReport } from './peers/run-peers';
import { isSuccess } from './report/bench-report';
import { busiestProcesses } from './report/machine-info';
import { cpuTable, scenarioTable } from './report/table';
import { liveTargets, profilingEnv, runBench, runsOn } from './run-bench';

/** The repository root, from dist/bench/bench/cli.js. */
const ROOT = resolve(__dirname, '..', '..', '..');
/** A hard stop for a whole run: no scenario on any target may hang it. */
const BUDGET_SECONDS_PER_SCENARIO_AND_TARGET = { full: 300, smoke: 150 };
/** The peers comparison's budget per repetition (four systems, every phase), plus its setup. */
const PEERS_BUDGET_SECONDS = { full: { setup: 300, repetition: 240 }, smoke: { setup: 150, repetition: 90 } };

/** Builds Centrifugo when it is not built yet (minutes, once); without Go, says why it will be left out. */
const findCentrifugo = (rootDir: string, log: (line: string) => void): { binary: string } | { why: string } => {
  try {
    return { binary: centrifugoBinary(rootDir) };
  } catch (error) {
    const why = String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim().split('\n').at(-1) ?? 'build failed';
    log(`Centrifugo is not available, the peers run leaves it out: ${why}`);
    return { why };
  }
};

const killEverything = (why: string, code: number): never => {
  console.error(`\n[bench] ${why}: stopping every target`);
  for (const target of liveTargets) target.killNow();
  process.exit(code);
};

const main = async (): Promise<number> => {
  let args: CliArgs;
  try {
    args = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const rootDir = args.serverRoot === undefined ? ROOT : resolve(args.serverRoot);
  const log = (line: string) => console.error(`[bench] ${line}`);
  const wantsCentrifugo = args.peers?.includes('centrifugo') ?? false;
  const centrifugo = wantsCentrifugo ? findCentrifugo(ROOT, log) : { why: 'not asked for' };
  const peersBudget = args.peers === undefined ? 0 : PEERS_BUDGET_SECONDS[args.options.preset].setup
    + PEERS_BUDGET_SECONDS[args.options.preset].repetition * args.options.repetitions;
  const budget = args.options.budgetSeconds > 0
    ? args.options.budgetSeconds
    : BUDGET_SECONDS_PER_SCENARIO_AND_TARGET[args.options.preset] * args.scenarios.length * args.targets.length + peersBudget;
  setTimeout(() => killEverything(`the run exceeded its ${budget} s budget`, 3), budget * 1000).unref();
  process.once('SIGINT', () => killEverything('interrupted', 130));
  process.once('SIGTERM', () => killEverything('terminated', 143));

  const settings = { rootDir, ...(args.cpuProfDir ? { cpuProfDir: resolve(args.cpuProfDir) } : {}), naiveBaseline: args.naiveBaseline, log };
  const report = await runBench(args.scenarios, args.scenarios.length === 0 ? [] : args.targets, args.options, settings);
  if (args.peers !== undefined) {
    try {
      report.peers = await runPeers(args.options, {
        rootDir, systems: args.peers, centrifugo, log, live: liveTargets,
        env: profilingEnv(settings, 'peers'),
      });
    } catch (error) {
      log(`the peers run failed: ${(error as Error).stack ?? String(error)}`);
      report.peers = { error: (error as Error).stack ?? String(error) };
    }
    report.finishedAt = new Date().toISOString();
    report.machine.loadAverageAtEnd = loadavg().map((value) => Math.round(value * 100) / 100);
    report.machine.busiestAtEnd = busiestProcesses();
  }
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const names = [...report.scenarios, ...(args.peers === undefined ? [] : ['peers'])];
  const out = resolve(args.out ?? join(ROOT, 'bench', 'results', `${names.join('+')}-${stamp}.json`));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

  console.log(`\nChatterRoom bench, ${report.startedAt} (${report.machine.cpuCount} × ${report.machine.cpuModel}, Node ${report.machine.node}, preset ${args.options.preset}, ${report.baseline} baseline)\n`);
  for (const scenario of args.scenarios) console.log(`${scenarioTable(report, scenario)}\n${cpuTable(report, scenario)}\n`);
  if (report.peers !== undefined) console.log('error' in report.peers ? `### peers\n\n**failed:** ${report.peers.error.split('\n')[0]}\n` : `${peersTables(report.peers as PeersReport)}\n`);
  console.log(`JSON: ${out}`);
  const failed = args.scenarios.some((scenario) => args.targets.some((target) => runsOn(scenario, target) && !isSuccess(report.results[scenario.name]?.[target])))
    || (report.peers !== undefined && 'error' in report.peers);
  return failed ? 1 : 0;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    killEverything('the bench failed', 1);
  },
);

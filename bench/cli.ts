import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseCliArgs, USAGE, type CliArgs } from './cli-args';
import { isSuccess } from './report/bench-report';
import { cpuTable, scenarioTable } from './report/table';
import { liveTargets, runBench, runsOn } from './run-bench';

/** The repository root, from dist/bench/bench/cli.js. */
const ROOT = resolve(__dirname, '..', '..', '..');
/** A hard stop for a whole run: no scenario on any target may hang it. */
const BUDGET_SECONDS_PER_SCENARIO_AND_TARGET = { full: 300, smoke: 150 };

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
  const budget = BUDGET_SECONDS_PER_SCENARIO_AND_TARGET[args.options.preset] * args.scenarios.length * args.targets.length;
  setTimeout(() => killEverything(`the run exceeded its ${budget} s budget`, 3), budget * 1000).unref();
  process.once('SIGINT', () => killEverything('interrupted', 130));
  process.once('SIGTERM', () => killEverything('terminated', 143));

  const report = await runBench(args.scenarios, args.targets, args.options, {
    rootDir: args.serverRoot === undefined ? ROOT : resolve(args.serverRoot),
    ...(args.cpuProfDir ? { cpuProfDir: resolve(args.cpuProfDir) } : {}),
    naiveBaseline: args.naiveBaseline,
    log: (line) => console.error(`[bench] ${line}`),
  });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const out = resolve(args.out ?? join(ROOT, 'bench', 'results', `${report.scenarios.join('+')}-${stamp}.json`));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

  console.log(`\nChatterRoom bench, ${report.startedAt} (${report.machine.cpuCount} × ${report.machine.cpuModel}, Node ${report.machine.node}, preset ${args.options.preset}, ${report.baseline} baseline)\n`);
  for (const scenario of args.scenarios) console.log(`${scenarioTable(report, scenario)}\n${cpuTable(report, scenario)}\n`);
  console.log(`JSON: ${out}`);
  const failed = args.scenarios.some((scenario) => args.targets.some((target) => runsOn(scenario, target) && !isSuccess(report.results[scenario.name]?.[target])));
  return failed ? 1 : 0;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    killEverything('the bench failed', 1);
  },
);

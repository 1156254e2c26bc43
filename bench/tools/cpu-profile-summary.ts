import { readFileSync } from 'node:fs';
import { isSuccess, type BenchReport } from '../report/bench-report';

/** The parts of a V8 .cpuprofile (as `node --cpu-prof` writes it) this tool reads. */
interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }>;
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const USAGE = `node dist/bench/bench/tools/cpu-profile-summary.js <file.cpuprofile> [--report <bench.json> --target <name> --case "<case>"] [--top <n>]
Self time by area and by function; with --report, only the samples inside that case's measuring window.`;

/** Where a frame's code lives, coarsely: an npm package, a Node area, an app folder, or V8's own bucket. */
export const areaOf = (url: string, functionName: string): string => {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native/V8 builtins)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `npm:${pkg[1]}`;
  if (url.startsWith('node:')) return `node:${url.slice(5).replace(/^internal\//, '').split('/')[0]}`;
  const app = /\/dist\/(?:bench\/)?((?:src|modules|bench)\/[^/]+(?:\/[^/.]+)?)/.exec(url);
  return app ? `app:${app[1]}` : url;
};

const short = (url: string): string => url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '').replace(/^file:\/\//, '');

const windowOf = (reportPath: string, target: string, caseName: string): [number, number] => {
  const report = JSON.parse(readFileSync(reportPath, 'utf8')) as BenchReport;
  for (const byTarget of Object.values(report.results)) {
    const outcome = byTarget[target as keyof typeof byTarget];
    if (!isSuccess(outcome)) continue;
    const found = outcome.cases.find((result) => result.case === caseName);
    const window = found?.details?.monotonicWindow;
    if (Array.isArray(window)) return window as [number, number];
  }
  throw new Error(`no case "${caseName}" for target ${target} in ${reportPath}`);
};

const main = (): void => {
  const [file, ...flags] = process.argv.slice(2);
  if (file === undefined) {
    console.error(USAGE);
    process.exit(2);
  }
  const flag = (name: string) => {
    const index = flags.indexOf(name);
    return index >= 0 ? flags[index + 1] : undefined;
  };
  const top = Number(flag('--top') ?? 25);
  const reportPath = flag('--report');
  const [from, to] = reportPath === undefined ? [-Infinity, Infinity] : windowOf(reportPath, flag('--target') ?? '', flag('--case') ?? '');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let at = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at < from || at > to) return;
    const frame = nodes.get(id)?.callFrame;
    if (frame === undefined) return;
    const area = areaOf(frame.url, frame.functionName);
    const name = `${frame.functionName || '(anonymous)'} ${frame.url ? `${short(frame.url)}:${frame.lineNumber + 1}` : ''}`.trim();
    byArea.set(area, (byArea.get(area) ?? 0) + delta);
    byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
    total += delta;
  });
  const busy = total - (byArea.get('(idle)') ?? 0);
  const print = (title: string, table: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [name, micros] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      const share = name === '(idle)' ? '' : `${((micros / Math.max(busy, 1)) * 100).toFixed(1).padStart(5)} % of busy`;
      console.log(`${(micros / 1000).toFixed(0).padStart(8)} ms  ${share.padEnd(16)} ${name}`);
    }
  };
  console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled, ${(busy / 1e6).toFixed(2)} s busy (${((busy / Math.max(total, 1)) * 100).toFixed(0)} %)`);
  if (reportPath === undefined) {
    console.log('(the whole profile, startup included: loading modules shows as readFileUtf8, wrapSafe and internalModuleStat; '
      + '--report <bench.json> --target <name> --case "<case>" keeps only that case\'s measuring window)');
  }
  print('self time by area', byArea);
  print('self time by function', byFunction);
};

main();

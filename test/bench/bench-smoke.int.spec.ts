import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Keeps the benchmark harness (bench/) from rotting: compiles it and runs every scenario
 * in its tiny `--smoke` configuration against the baseline relay, the monolith (in memory and on
 * SQLite) and the split deployment, then checks that each produced well-formed results. It asserts
 * nothing about speed: the figures of a smoke run on a shared machine mean nothing.
 */
const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const TARGETS = ['baseline', 'monolith', 'monolith-sqlite', 'split'] as const;
const PEERS = ['monolith', 'centrifugo', 'socketio', 'baseline'] as const;

/** Centrifugo is built with Go (once, minutes); a machine without Go runs the peers without it, and the report says so. */
const hasGo = (): boolean => {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const GO = hasGo();

interface PeerFiguresShape {
  readonly deliveriesPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly cpuPercent: number;
  readonly loadAverage: number;
}
interface PeersShape {
  readonly systems: string[];
  readonly skipped: Array<{ name: string; why: string }>;
  readonly idle: Record<string, { sockets: number; bytesPerSocket: number }>;
  readonly repetitions: Array<Record<string, Record<string, PeerFiguresShape>>>;
  readonly caseNames: string[];
}

interface SmokeCase {
  readonly case: string;
  readonly metrics: Record<string, number>;
  readonly details?: Record<string, unknown>;
}
type Outcome = { cases: SmokeCase[] } | { error: string };
interface SmokeReport {
  readonly tool: string;
  readonly scenarios: string[];
  readonly targets: string[];
  readonly results: Record<string, Record<string, Outcome>>;
  readonly peers?: PeersShape | { error: string };
}

const casesOf = (report: SmokeReport, scenario: string, target: string): SmokeCase[] => {
  const outcome = report.results[scenario]?.[target];
  if (outcome === undefined || 'error' in outcome) throw new Error(`${scenario} on ${target} failed: ${outcome?.error ?? 'no result'}`);
  return outcome.cases;
};

describe('bench smoke run (npm run bench -- all --smoke)', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  const out = join(outDir, 'smoke.json');
  let report: SmokeReport;
  let table: string;
  /** Why the bench exited non-zero, if it did: its "failed" lines (the JSON still names each scenario's error). */
  let runFailure: string | undefined;

  beforeAll(async () => {
    if (GO) await run('bash', [join(ROOT, 'scripts', 'services', 'centrifugo.sh'), 'build'], { cwd: ROOT, timeout: 1_500_000 });
    await run(process.execPath, [join(ROOT, 'scripts', 'build', 'build-bench.mjs')], { cwd: ROOT });
    try {
      ({ stdout: table } = await run(process.execPath, [join(ROOT, 'dist', 'bench', 'bench', 'cli.js'), 'all', '--smoke', '--out', out], {
        cwd: ROOT,
        timeout: 600_000,
        maxBuffer: 16 * 1024 * 1024,
      }));
    } catch (error) {
      const { code, stdout, stderr } = error as { code?: number; stdout?: string; stderr?: string };
      table = stdout ?? '';
      const failedLines = (stderr ?? '').split('\n').filter((line) => /fail|error|exceeded/i.test(line));
      runFailure = `the bench exited with ${String(code)}:\n${failedLines.slice(0, 40).join('\n')}`;
    }
    if (existsSync(out)) report = JSON.parse(readFileSync(out, 'utf8')) as SmokeReport;
  }, 2_200_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('exits 0: every scenario ran on every target', () => {
    expect(runFailure).toBeUndefined();
  });

  it('writes a JSON report covering every scenario on every target', () => {
    expect(existsSync(out)).toBe(true);
    expect(report.tool).toBe('chatterroom-bench');
    expect(report.scenarios).toEqual(['fanout', 'direct', 'http', 'connections', 'resume']);
    expect(report.peers).toBeDefined();
    expect(report.targets).toEqual([...TARGETS]);
  });

  it.each(TARGETS)('fanout on %s delivered messages, and no send was refused', (target) => {
    const cases = casesOf(report, 'fanout', target);
    expect(cases.length).toBeGreaterThan(0);
    for (const result of cases) {
      expect(result.metrics.deliveriesPerSecond).toBeGreaterThan(0);
      expect(result.metrics.p99Ms).toBeGreaterThanOrEqual(result.metrics.p50Ms ?? 0);
      expect(result.details).toMatchObject({ errors: 0 });
    }
  });

  it.each(TARGETS)('direct on %s delivered private messages, and no send was refused', (target) => {
    for (const result of casesOf(report, 'direct', target)) {
      expect(result.metrics.messagesPerSecond).toBeGreaterThan(0);
      expect(result.details).toMatchObject({ errors: 0 });
    }
  });

  it.each(TARGETS)('http on %s answered its posts with 2xx only', (target) => {
    for (const result of casesOf(report, 'http', target)) {
      expect(result.metrics.requestsPerSecond).toBeGreaterThan(0);
      expect(result.details).toMatchObject({ non2xx: 0, errors: 0 });
    }
  });

  it.each(TARGETS)('connections on %s held every socket it opened', (target) => {
    const [result] = casesOf(report, 'connections', target);
    expect(result?.metrics.held).toBeGreaterThan(0);
    expect(result?.metrics.held).toBe(result?.details?.attempted);
  });

  it.each(TARGETS.filter((target) => target !== 'baseline'))('resume on %s replayed the missed events (1,000 and 10 in a full run)', (target) => {
    const cases = casesOf(report, 'resume', target);
    expect(cases.map((result) => result.case)).toEqual(['resume 40 missed events', 'resume 10 missed events']);
    for (const result of cases) expect(result.metrics.p99Ms).toBeGreaterThanOrEqual(result.metrics.p50Ms ?? 0);
  });

  it('skips resume on the baseline relay, which has no cursors', () => {
    expect(report.results.resume?.baseline).toBeUndefined();
  });

  it(`runs the peers side by side${GO ? '' : ' (without Centrifugo: no Go on this machine)'}`, () => {
    const peers = report.peers;
    if (peers === undefined || 'error' in peers) throw new Error(`the peers run failed: ${peers?.error ?? 'no result'}`);
    const expected = GO ? [...PEERS] : PEERS.filter((name) => name !== 'centrifugo');
    expect(peers.systems).toEqual(expected);
    if (!GO) expect(peers.skipped).toEqual([{ name: 'centrifugo', why: expect.stringContaining('Go') }]);
    expect(peers.repetitions).toHaveLength(1);
    expect(peers.caseNames.length).toBeGreaterThan(0);
    for (const caseName of peers.caseNames) {
      for (const system of expected) {
        const figures = peers.repetitions[0]?.[caseName]?.[system];
        expect({ caseName, system, delivered: (figures?.deliveriesPerSecond ?? 0) > 0, errors: figures?.errors })
          .toEqual({ caseName, system, delivered: true, errors: 0 });
        expect(figures?.p99Ms).toBeGreaterThanOrEqual(figures?.p50Ms ?? 0);
      }
    }
    for (const system of expected) expect(peers.idle[system]?.sockets).toBeGreaterThan(0);
  });

  it('prints a table per scenario with each target as a column', () => {
    for (const title of ['### fanout', '### direct', '### http', '### connections', '### resume', '### peers']) expect(table).toContain(title);
    expect(table).toContain('| case | metric | baseline | monolith | monolith-sqlite | split |');
  });
});

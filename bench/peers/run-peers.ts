import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { sleep } from '../load/clock';
import { GeneratorPool } from '../load/generator-pool';
import type { BenchOptions } from '../scenarios/bench-options';
import { connectSpecs, round, runFlows, type PhaseOutcome, type SocketLayout } from '../scenarios/socket-phases';
import { sampleProcess } from '../targets/process-probe';
import { PEER_NAMES, startPeer, type PeerName, type PeerPopulation, type PeerStartOptions, type PeerSystem } from './peer-targets';

/** One system's figures in one case of one repetition. */
export interface PeerFigures {
  readonly deliveriesPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Pong delay p99 of pings from idle members meanwhile (ChatterRoom systems only; 0 elsewhere). */
  readonly pingP99Ms: number;
  /** CPU of the system's processes while counting, in % of one core (summed). */
  readonly cpuPercent: number;
  /** Deliveries per second of server CPU: the inverse of CPU per delivery. */
  readonly deliveriesPerCoreSecond: number;
  readonly missing: number;
  readonly errors: number;
  readonly generatorLoad: number;
  /** 1-minute load average when the phase ended, and `uptime`'s line. */
  readonly loadAverage: number;
  readonly uptime: string;
  readonly cpu: Readonly<Record<string, number>>;
  readonly firstError?: string;
}

export interface IdleFigures {
  readonly sockets: number;
  readonly bytesPerSocket: number;
  readonly rssBeforeMB: number;
  readonly rssAfterMB: number;
}

/** What `npm run bench -- peers` adds to the JSON report. */
export interface PeersReport {
  readonly systems: readonly PeerName[];
  /** Systems left out, and why (e.g. no Go to build Centrifugo). */
  readonly skipped: ReadonlyArray<{ readonly name: PeerName; readonly why: string }>;
  readonly idle: Partial<Record<PeerName, IdleFigures>>;
  /** repetitions[r][case][system] */
  readonly repetitions: ReadonlyArray<Record<string, Partial<Record<PeerName, PeerFigures>>>>;
  readonly caseNames: readonly string[];
}

export interface PeerRunSettings extends Omit<PeerStartOptions, 'centrifugo'> {
  readonly systems: readonly PeerName[];
  /** The Centrifugo binary, or why there is none. */
  readonly centrifugo: { readonly binary: string } | { readonly why: string };
  readonly log: (line: string) => void;
  /** Systems running now, for the watchdog. */
  readonly live: Set<{ killNow(): void }>;
}

const MB = 1024 * 1024;
/** How long idle sockets are held before the memory is read (the connections scenario holds 5 s). */
const IDLE_SETTLE_MS = 5_000;
const uptime = (): string => {
  try {
    return execFileSync('uptime', { encoding: 'utf8', timeout: 2_000 }).trim();
  } catch {
    return `load average: ${loadavg().map((value) => value.toFixed(2)).join(', ')}`;
  }
};

const figuresOf = (outcome: PhaseOutcome): PeerFigures => {
  const cpuPercent = Object.values(outcome.cpu).reduce((sum, percent) => sum + percent, 0);
  return {
    deliveriesPerSecond: Math.round(outcome.deliveriesPerSecond),
    p50Ms: round(outcome.latency.p50Ms, 2),
    p99Ms: round(outcome.latency.p99Ms, 2),
    pingP99Ms: round(outcome.pings.p99Ms, 2),
    cpuPercent: round(cpuPercent),
    deliveriesPerCoreSecond: cpuPercent > 0 ? Math.round(outcome.deliveriesPerSecond / (cpuPercent / 100)) : 0,
    missing: outcome.missing,
    errors: outcome.errors,
    generatorLoad: round(outcome.generatorLoad, 2),
    loadAverage: round(loadavg()[0] ?? 0, 2),
    uptime: uptime(),
    cpu: outcome.cpu,
    ...(outcome.firstError === undefined ? {} : { firstError: outcome.firstError }),
  };
};

/** Opens `count` idle sockets on the system, and reads the growth of its resident memory per socket. */
const measureIdle = async (pool: GeneratorPool, system: PeerSystem, population: PeerPopulation, count: number): Promise<IdleFigures> => {
  await sleep(500);
  const before = sampleProcess(system.socketHolder.pid);
  const layout = await connectSpecs(pool, count, (index) => population.idleSocket(index));
  await sleep(IDLE_SETTLE_MS);
  const after = sampleProcess(system.socketHolder.pid);
  const perGenerator = Math.ceil(count / pool.size);
  await pool.all((index) => ({ kind: 'close-sockets', from: layout.place(index).socket, count: perGenerator }), 30_000);
  const growth = (after?.rssBytes ?? 0) - (before?.rssBytes ?? 0);
  return {
    sockets: count, bytesPerSocket: Math.round(growth / count),
    rssBeforeMB: round((before?.rssBytes ?? 0) / MB), rssAfterMB: round((after?.rssBytes ?? 0) / MB),
  };
};

interface Prepared {
  readonly system: PeerSystem;
  readonly population: PeerPopulation;
  layout?: SocketLayout;
}

/**
 * The peers comparison: every system started at once and filled with the same rooms
 * (members 0..n-1 of a room of n), the idle memory of each, then `repetitions` rounds in
 * which each room size runs a closed-loop max phase on every system in turn (the order
 * rotating each round), then an open-loop phase at `fixedFraction` of that system's own
 * max of the round. A short unrecorded max phase per system and size warms each up first.
 */
export const runPeers = async (options: BenchOptions, settings: PeerRunSettings): Promise<PeersReport> => {
  const skipped: Array<{ name: PeerName; why: string }> = [];
  const prepared: Prepared[] = [];
  const sizes = [...options.peerRoomSizes].sort((a, b) => a - b);
  const members = sizes.at(-1) ?? 0;
  const binary = 'binary' in settings.centrifugo ? settings.centrifugo.binary : undefined;
  const idle: Partial<Record<PeerName, IdleFigures>> = {};
  const repetitions: Array<Record<string, Partial<Record<PeerName, PeerFigures>>>> = [];
  try {
    for (const name of settings.systems) {
      if (name === 'centrifugo' && binary === undefined) {
        skipped.push({ name, why: 'why' in settings.centrifugo ? settings.centrifugo.why : 'no binary' });
        settings.log(`[peers] centrifugo left out: ${skipped.at(-1)?.why}`);
        continue;
      }
      const system = await startPeer(name, { rootDir: settings.rootDir, env: settings.env, centrifugo: binary });
      settings.live.add(system);
      settings.log(`[peers] ${name} started: ${system.processes.map((p) => `${p.name}=${p.pid}`).join(' ')}; preparing ${members} members`);
      prepared.push({ system, population: await system.prepare(members, sizes, options.idleSockets, settings.log) });
    }
    const systems = prepared.map((entry) => entry.system.name);
    const pool = await GeneratorPool.start(options.generators);
    try {
      for (const entry of prepared) {
        idle[entry.system.name] = await measureIdle(pool, entry.system, entry.population, options.idleSockets);
        settings.log(`[peers] ${entry.system.name}: ${idle[entry.system.name]?.bytesPerSocket} bytes per idle socket`);
      }
      for (const entry of prepared) entry.layout = await connectSpecs(pool, members, (index) => entry.population.socketOf(index));
      const phase = async (entry: Prepared, size: number, mode: { mode: 'max'; window: number } | { mode: 'fixed'; messagesPerSecond: number }, phaseOptions: BenchOptions) => {
        const senders = Array.from({ length: Math.min(options.senders, size) }, (_, userIndex) => ({ userIndex, frame: entry.population.frameFor(size) }));
        return runFlows(pool, entry.system, entry.layout as SocketLayout, senders, mode, size, phaseOptions);
      };
      const windowFor = (size: number) => {
        const senders = Math.min(options.senders, size);
        return Math.max(1, Math.min(options.window, Math.ceil(options.inFlightDeliveries / (senders * size))));
      };
      const warmUp: BenchOptions = { ...options, warmupSeconds: 0, durationSeconds: Math.max(0.5, options.warmupSeconds) };
      for (const size of sizes) {
        for (const entry of prepared) await phase(entry, size, { mode: 'max', window: windowFor(size) }, warmUp);
      }
      settings.log(`[peers] warmed up; ${uptime()}`);
      const caseNames: string[] = [];
      const fraction = `${Math.round(options.fixedFraction * 100)}% of max`;
      for (let repetition = 0; repetition < options.repetitions; repetition += 1) {
        const round: Record<string, Partial<Record<PeerName, PeerFigures>>> = {};
        const order = prepared.map((_, index) => prepared[(index + repetition) % prepared.length] as Prepared);
        for (const size of sizes) {
          const maxCase = `room ${size} · max`;
          const fixedCase = `room ${size} · ${fraction}`;
          for (const name of [maxCase, fixedCase]) if (!caseNames.includes(name)) caseNames.push(name);
          round[maxCase] = {};
          round[fixedCase] = {};
          for (const entry of order) {
            const max = figuresOf(await phase(entry, size, { mode: 'max', window: windowFor(size) }, options));
            (round[maxCase] as Record<string, PeerFigures>)[entry.system.name] = max;
            settings.log(`[peers] #${repetition + 1} ${entry.system.name} ${maxCase}: ${max.deliveriesPerSecond} deliveries/s, p99 ${max.p99Ms} ms, load ${max.loadAverage}`);
          }
          for (const entry of order) {
            const max = round[maxCase]?.[entry.system.name]?.deliveriesPerSecond ?? 0;
            const rate = Math.max(1, (max / size) * options.fixedFraction);
            const fixed = figuresOf(await phase(entry, size, { mode: 'fixed', messagesPerSecond: rate }, options));
            (round[fixedCase] as Record<string, PeerFigures>)[entry.system.name] = fixed;
            settings.log(`[peers] #${repetition + 1} ${entry.system.name} ${fixedCase}: ${fixed.deliveriesPerSecond} deliveries/s, p99 ${fixed.p99Ms} ms`);
          }
        }
        repetitions.push(round);
      }
      return { systems, skipped, idle, repetitions, caseNames };
    } finally {
      await pool.close();
    }
  } finally {
    for (const { system } of prepared) {
      await system.stop();
      settings.live.delete(system);
    }
  }
};

/** Every system, in the order the tables show them. */
export const ALL_PEERS: readonly PeerName[] = PEER_NAMES;

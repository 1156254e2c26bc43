import { nowMs, sleepUntil } from '../load/clock';
import type { ConnectStats, FlowSpec, FlowStats, SendFrame, SocketSpec } from '../load/generator-protocol';
import type { GeneratorPool } from '../load/generator-pool';
import { LatencyHistogram } from '../load/histogram';
import type { BenchUser } from '../setup/http-api';
import type { BenchTarget } from '../targets/bench-target';
import { CpuWindow } from '../targets/process-probe';
import type { BenchOptions } from './bench-options';

/** Where each user's socket lives: user i on generator i % G, spread over the gateways. */
export interface SocketLayout {
  readonly place: (userIndex: number) => { readonly generator: number; readonly socket: number };
}

/** User i on generator i % G, at slot `firstIndex[generator]` + i / G of that generator's pool. */
export const layoutFor = (generators: number, firstIndex: readonly number[] = []): SocketLayout => ({
  place: (userIndex) => {
    const generator = userIndex % generators;
    return { generator, socket: (firstIndex[generator] ?? 0) + Math.floor(userIndex / generators) };
  },
});

/**
 * One socket per user (`specFor` says where and how it connects, by its place on the
 * generator), each on its generator; fails unless every socket opened. Sockets of earlier
 * calls stay open: the layout returned addresses this call's.
 */
export const connectSpecs = async (
  pool: GeneratorPool,
  count: number,
  specFor: (userIndex: number, slot: number) => SocketSpec,
): Promise<SocketLayout> => {
  const local = layoutFor(pool.size);
  const perGenerator: SocketSpec[][] = Array.from({ length: pool.size }, () => []);
  for (let index = 0; index < count; index += 1) {
    const { generator, socket } = local.place(index);
    (perGenerator[generator] as SocketSpec[])[socket] = specFor(index, socket);
  }
  const answers = await pool.all<ConnectStats>(
    (index) => ({ kind: 'connect', sockets: perGenerator[index] ?? [], concurrency: 50, timeoutMs: 30_000 }),
    120_000,
  );
  const failed = answers.reduce((sum, answer) => sum + answer.failed, 0);
  if (failed > 0) throw new Error(`${failed} of ${count} sockets did not open: ${answers.find((a) => a.firstError)?.firstError}`);
  return layoutFor(pool.size, answers.map((answer) => answer.firstIndex));
};

/** One `/ws/chat` socket per user, each on its generator and gateway; fails unless every socket opened. */
export const connectAll = (pool: GeneratorPool, target: BenchTarget, users: readonly BenchUser[]): Promise<SocketLayout> =>
  connectSpecs(pool, users.length, (index, slot) => {
    const gateway = target.gateways[slot % target.gateways.length];
    const user = users[index];
    if (gateway === undefined || user === undefined) throw new Error(`${target.name} has no gateway`);
    return { url: gateway.wsUrl, token: user.token };
  });

/** Members (after the senders) whose sockets ping during a phase, and pings per second over all of them. */
const PINGING_MEMBERS = 40;
const PINGS_PER_SECOND = 50;

/** A sender: the user whose socket sends, and what it sends. */
export interface Sender {
  readonly userIndex: number;
  readonly frame: SendFrame;
}

export interface PhaseOutcome {
  readonly deliveriesPerSecond: number;
  readonly peerDeliveriesPerSecond: number;
  /** Messages sent per second while measuring. */
  readonly sentPerSecond: number;
  readonly latency: ReturnType<LatencyHistogram['summary']>;
  /** Pong delays of application-level pings sent by non-sending members while counting (ChatterRoom targets). */
  readonly pings: ReturnType<LatencyHistogram['summary']>;
  /** Copies of messages sent while measuring that never arrived before the drain ended. */
  readonly missing: number;
  readonly errors: number;
  readonly firstError?: string;
  /** The busiest generator's event-loop utilisation (near 1: the generator may be the limit). */
  readonly generatorLoad: number;
  readonly cpu: Record<string, number>;
  /** The measuring window on the monotonic clock (µs), to cut CPU profiles to it. */
  readonly monotonicWindow: [number, number];
}

/**
 * Runs one phase on every generator at once and adds their counts up. `audience` is the
 * number of sockets each message reaches, to count the copies that went missing.
 */
export const runFlows = async (
  pool: GeneratorPool,
  target: Pick<BenchTarget, 'processes'>,
  layout: SocketLayout,
  senders: readonly Sender[],
  phase: { mode: 'max'; window: number } | { mode: 'fixed'; messagesPerSecond: number },
  audience: number,
  options: BenchOptions,
): Promise<PhaseOutcome> => {
  const flows: FlowSpec[][] = Array.from({ length: pool.size }, () => []);
  for (const sender of senders) {
    const { generator, socket } = layout.place(sender.userIndex);
    flows[generator]?.push({ socket, key: `f${sender.userIndex}`, frame: sender.frame });
  }
  const pingSockets: number[][] = Array.from({ length: pool.size }, () => []);
  const pinging = senders.every((sender) => sender.frame.type !== 'channel.publish');
  for (let userIndex = senders.length; pinging && userIndex < Math.min(audience, senders.length + PINGING_MEMBERS); userIndex += 1) {
    const { generator, socket } = layout.place(userIndex);
    pingSockets[generator]?.push(socket);
  }
  const startAt = nowMs() + 300;
  const measureAt = startAt + options.warmupSeconds * 1000;
  const endAt = measureAt + options.durationSeconds * 1000;
  const ratePerFlow = phase.mode === 'fixed' ? phase.messagesPerSecond / senders.length : 0;
  const cpu = new CpuWindow(target.processes);
  const answers = pool.all<FlowStats>(
    (index) => ({
      kind: 'flows',
      plan: {
        flows: flows[index] ?? [], mode: phase.mode, window: phase.mode === 'max' ? phase.window : 0, ratePerFlow,
        startAt, measureAt, endAt, drainMs: options.drainSeconds * 1000, padding: options.padding,
        pingSockets: pingSockets[index] ?? [], pingsPerSecond: PINGS_PER_SECOND / pool.size,
      },
    }),
    endAt - nowMs() + options.drainSeconds * 1000 + 30_000,
  );
  await sleepUntil(measureAt);
  cpu.start();
  await sleepUntil(endAt);
  const cpuUse = cpu.stop();
  const stats = await answers;
  const sum = (pick: (s: FlowStats) => number) => stats.reduce((total, s) => total + pick(s), 0);
  const latency = new LatencyHistogram();
  stats.forEach((s) => latency.add(s.latency));
  const pings = new LatencyHistogram();
  stats.forEach((s) => pings.add(s.pings));
  const seconds = options.durationSeconds;
  const firstError = stats.find((s) => s.firstError !== undefined)?.firstError;
  return {
    deliveriesPerSecond: sum((s) => s.deliveries) / seconds,
    peerDeliveriesPerSecond: sum((s) => s.peerDeliveries) / seconds,
    sentPerSecond: sum((s) => s.windowSent) / seconds,
    latency: latency.summary(),
    pings: pings.summary(),
    missing: Math.max(0, sum((s) => s.windowSent) * audience - sum((s) => s.windowReceived)),
    errors: sum((s) => s.errors),
    generatorLoad: Math.max(...stats.map((s) => s.eventLoopUtilization)),
    cpu: cpuUse,
    monotonicWindow: cpu.monotonicWindow,
    ...(firstError === undefined ? {} : { firstError }),
  };
};

export const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

import { GeneratorPool } from '../load/generator-pool';
import { BenchApi } from '../setup/http-api';
import { createRoomWith, createUsers } from '../setup/population';
import type { CaseResult, Scenario, ScenarioContext } from './scenario';
import { connectAll, round, runFlows, type PhaseOutcome, type Sender } from './socket-phases';

const caseOf = (name: string, outcome: PhaseOutcome, extra: Record<string, number> = {}): CaseResult => ({
  case: name,
  metrics: {
    deliveriesPerSecond: Math.round(outcome.deliveriesPerSecond),
    messagesPerSecond: round(outcome.sentPerSecond),
    p50Ms: round(outcome.latency.p50Ms, 2),
    p95Ms: round(outcome.latency.p95Ms, 2),
    p99Ms: round(outcome.latency.p99Ms, 2),
    pingP50Ms: round(outcome.pings.p50Ms, 2),
    pingP99Ms: round(outcome.pings.p99Ms, 2),
    ...extra,
  },
  cpu: outcome.cpu,
  details: {
    maxMs: round(outcome.latency.maxMs, 2), missing: outcome.missing, errors: outcome.errors,
    generatorLoad: round(outcome.generatorLoad, 2), monotonicWindow: outcome.monotonicWindow,
    ...(outcome.firstError ? { firstError: outcome.firstError } : {}),
  },
});

/**
 * Rooms of each size, every member connected over /ws/chat (users 0..n-1 are the members
 * of the room of n, so rooms nest). Per room: a closed-loop phase at the maximum the
 * target sustains, then an open-loop phase at a fixed fraction of that maximum.
 */
export const fanoutScenario: Scenario = {
  name: 'fanout',
  title: 'fanout: room messages over /ws/chat to every member (deliveries/s, end-to-end latency)',
  metrics: [
    { key: 'deliveriesPerSecond', label: 'deliveries/s', digits: 0 },
    { key: 'p50Ms', label: 'p50 ms', digits: 2 },
    { key: 'p95Ms', label: 'p95 ms', digits: 2 },
    { key: 'p99Ms', label: 'p99 ms', digits: 2 },
    { key: 'pingP99Ms', label: 'ping p99 ms (under load)', digits: 2 },
  ],
  async run({ target, options, log }: ScenarioContext): Promise<CaseResult[]> {
    const api = new BenchApi(target.gateways[0]?.httpUrl ?? '', log);
    const sizes = [...options.roomSizes].sort((a, b) => a - b);
    const largest = sizes.at(-1) ?? 0;
    log(`creating ${largest} users and ${sizes.length} rooms`);
    const users = await createUsers(api, largest);
    const rooms = new Map<number, number>();
    for (const size of sizes) rooms.set(size, await createRoomWith(api, users.slice(0, size), `bench-${size}`));
    const pool = await GeneratorPool.start(options.generators);
    try {
      log(`connecting ${users.length} sockets`);
      const layout = await connectAll(pool, target, users);
      const results: CaseResult[] = [];
      for (const size of sizes) {
        const roomId = rooms.get(size) ?? 0;
        const senders: Sender[] = Array.from({ length: Math.min(options.senders, size) }, (_, userIndex) => ({
          userIndex,
          frame: { type: 'room.send', roomId },
        }));
        const window = Math.max(1, Math.min(options.window, Math.ceil(options.inFlightDeliveries / (senders.length * size))));
        const max = await runFlows(pool, target, layout, senders, { mode: 'max', window }, size, options);
        log(`room ${size} max: ${Math.round(max.deliveriesPerSecond)} deliveries/s, p99 ${round(max.latency.p99Ms, 2)} ms`);
        results.push(caseOf(`room ${size} · max`, max));
        const rate = Math.max(1, (max.deliveriesPerSecond / size) * options.fixedFraction);
        const fixed = await runFlows(pool, target, layout, senders, { mode: 'fixed', messagesPerSecond: rate }, size, options);
        log(`room ${size} at ${Math.round(options.fixedFraction * 100)}%: ${Math.round(fixed.deliveriesPerSecond)} deliveries/s, p99 ${round(fixed.latency.p99Ms, 2)} ms`);
        results.push(caseOf(`room ${size} · ${Math.round(options.fixedFraction * 100)}% of max`, fixed, { offeredMessagesPerSecond: round(rate) }));
      }
      return results;
    } finally {
      await pool.close();
    }
  },
};

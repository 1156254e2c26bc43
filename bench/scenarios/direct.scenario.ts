import { GeneratorPool } from '../load/generator-pool';
import type { BenchUser } from '../setup/http-api';
import { BenchApi } from '../setup/http-api';
import { createUsers } from '../setup/population';
import type { CaseResult, Scenario, ScenarioContext } from './scenario';
import { connectAll, round, runFlows, type PhaseOutcome, type Sender } from './socket-phases';

const caseOf = (name: string, outcome: PhaseOutcome, extra: Record<string, number> = {}): CaseResult => ({
  case: name,
  metrics: {
    messagesPerSecond: Math.round(outcome.peerDeliveriesPerSecond),
    deliveriesPerSecond: Math.round(outcome.deliveriesPerSecond),
    p50Ms: round(outcome.latency.p50Ms, 2),
    p95Ms: round(outcome.latency.p95Ms, 2),
    p99Ms: round(outcome.latency.p99Ms, 2),
    ...extra,
  },
  cpu: outcome.cpu,
  details: {
    maxMs: round(outcome.latency.maxMs, 2), missing: outcome.missing, errors: outcome.errors,
    generatorLoad: round(outcome.generatorLoad, 2), monotonicWindow: outcome.monotonicWindow,
    ...(outcome.firstError ? { firstError: outcome.firstError } : {}),
  },
});

/** Each user of a pair sends private.send frames to the other; both are connected (the sender also gets its copy). */
const sendersOf = (users: readonly BenchUser[]): Sender[] =>
  users.map((_, userIndex) => {
    const partner = users[userIndex % 2 === 0 ? userIndex + 1 : userIndex - 1];
    return { userIndex, frame: { type: 'private.send', to: partner?.userId ?? 0 } };
  });

/**
 * `pairs` pairs of users exchanging private messages over /ws/chat: an unmeasured priming
 * phase (first messages are dearer: a new conversation, a recipient not yet known to
 * exist), a closed-loop phase at the maximum, then a fixed rate at a fraction of it. messages/s counts copies received
 * by the recipient; latency covers every copy (recipient's and sender's).
 */
export const directScenario: Scenario = {
  name: 'direct',
  title: 'direct: private messages between pairs over /ws/chat (messages/s received, end-to-end latency)',
  metrics: [
    { key: 'messagesPerSecond', label: 'messages/s', digits: 0 },
    { key: 'p50Ms', label: 'p50 ms', digits: 2 },
    { key: 'p95Ms', label: 'p95 ms', digits: 2 },
    { key: 'p99Ms', label: 'p99 ms', digits: 2 },
  ],
  async run({ target, options, log }: ScenarioContext): Promise<CaseResult[]> {
    const api = new BenchApi(target.gateways[0]?.httpUrl ?? '', log);
    log(`creating ${options.pairs * 2} users`);
    const users = await createUsers(api, options.pairs * 2);
    const pool = await GeneratorPool.start(options.generators);
    try {
      log(`connecting ${users.length} sockets`);
      const layout = await connectAll(pool, target, users);
      const senders = sendersOf(users);
      const prime = await runFlows(pool, target, layout, senders, { mode: 'max', window: 1 }, 2, {
        ...options, warmupSeconds: 0, durationSeconds: options.primeSeconds, drainSeconds: 30,
      });
      log(`primed: ${Math.round(prime.sentPerSecond * options.primeSeconds)} messages, ${prime.errors} refused${prime.firstError ? ` (${prime.firstError})` : ''}`);
      const max = await runFlows(pool, target, layout, senders, { mode: 'max', window: options.directWindow }, 2, options);
      log(`${options.pairs} pairs max: ${Math.round(max.peerDeliveriesPerSecond)} messages/s, p99 ${round(max.latency.p99Ms, 2)} ms`);
      const rate = Math.max(1, max.sentPerSecond * options.fixedFraction);
      const fixed = await runFlows(pool, target, layout, senders, { mode: 'fixed', messagesPerSecond: rate }, 2, options);
      log(`${options.pairs} pairs at ${Math.round(options.fixedFraction * 100)}%: ${Math.round(fixed.peerDeliveriesPerSecond)} messages/s, p99 ${round(fixed.latency.p99Ms, 2)} ms`);
      return [
        caseOf(`${options.pairs} pairs · max`, max),
        caseOf(`${options.pairs} pairs · ${Math.round(options.fixedFraction * 100)}% of max`, fixed, { offeredMessagesPerSecond: round(rate) }),
      ];
    } finally {
      await pool.close();
    }
  },
};

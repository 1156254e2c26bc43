import type { LatencyHistogram } from '../load/histogram';
import { runLimited } from '../load/run-limited';
import { BenchApi, type BenchUser } from '../setup/http-api';
import { createUsers } from '../setup/population';
import type { CaseResult, Scenario, ScenarioContext } from './scenario';
import { memberCostCases } from './member-cost';
import { round } from './socket-phases';
import { latencyMetrics, send, timed } from './timed-requests';

/** Requests timed per case, one after another (a closed loop of one client: latency, not throughput). */
const samplesFor = (preset: 'full' | 'smoke'): number => (preset === 'full' ? 300 : 5);
const SETUP_CONCURRENCY = 8;

const caseOf = (name: string, histogram: LatencyHistogram): CaseResult => ({ case: name, metrics: latencyMetrics(histogram) });

/**
 * A user in 1,000 conversations (rooms another user created, joined and wrote in, so each has
 * unread messages): the first page of GET /conversations, and a read marker moved with
 * POST /chats/room/{roomId}/read, each timed one request at a time. Then rooms of
 * `--member-sizes` members (100 and 10,000): adding a member and a message (latency and server
 * CPU per add and per message), so the costs can be compared across sizes. Not in `all`: the baseline
 * relay has no conversations; run it by name against the monolith and split targets.
 */
export const conversationsScenario: Scenario = {
  name: 'conversations',
  title: 'conversations: a user in 1,000 conversations with unread messages (latency of one client)',
  metrics: [
    { key: 'p50Ms', label: 'p50 ms', digits: 2 },
    { key: 'p99Ms', label: 'p99 ms', digits: 2 },
    { key: 'cpuMsPerRequest', label: 'server CPU ms per add', digits: 2 },
    { key: 'cpuMsPerMessage', label: 'server CPU ms per message', digits: 2 },
    { key: 'cpuMicrosPerMember', label: 'server CPU µs per member', digits: 2 },
  ],
  async run({ target, options, log }: ScenarioContext): Promise<CaseResult[]> {
    const httpUrl = target.gateways[0]?.httpUrl ?? '';
    const api = new BenchApi(httpUrl, log);
    const [reader, writer] = (await createUsers(api, 2)) as [BenchUser, BenchUser];
    const count = options.conversations;
    const roomIds = await runLimited(Array.from({ length: count }, (_, index) => index), SETUP_CONCURRENCY, async (index) => {
      const roomId = await api.createRoom(writer, `bench-conv-${index}`);
      await api.joinRoom(reader, roomId);
      for (let message = 0; message < 3; message += 1) {
        await send(`${httpUrl}/chats/room/${roomId}`, 'POST', writer.token, { message: `unread ${message}` });
      }
      return roomId;
    });
    log(`${count} conversations with 3 unread messages each`);
    const samples = samplesFor(options.preset);
    const list = await timed(samples, () => send(`${httpUrl}/conversations?limit=20`, 'GET', reader.token));
    const marks = await timed(samples, (index) => {
      const roomId = roomIds[index % roomIds.length] as number;
      return send(`${httpUrl}/chats/room/${roomId}/read`, 'POST', reader.token, { seq: 1 + Math.floor(index / roomIds.length) });
    });
    log(`list p99 ${round(list.percentileMs(0.99), 2)} ms, read p99 ${round(marks.percentileMs(0.99), 2)} ms`);
    const results = [caseOf(`GET /conversations?limit=20 (of ${count})`, list), caseOf('POST .../read (marker moves)', marks)];
    for (const size of options.memberRoomSizes) results.push(...(await memberCostCases(target, api, size, samples, log)));
    return results;
  },
};

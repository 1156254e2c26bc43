import { BenchApi, type BenchUser } from '../setup/http-api';
import { createUsers } from '../setup/population';
import type { CaseResult, Scenario, ScenarioContext } from './scenario';
import { round } from './socket-phases';
import { send, timed } from './timed-requests';

/** Members of the room set up: 1,000 (a smoke run: 6). */
const sizeFor = (preset: 'full' | 'smoke'): number => (preset === 'full' ? 1_000 : 6);
/** Messages posted into it, one at a time. */
const messagesFor = (preset: 'full' | 'smoke'): number => (preset === 'full' ? 100 : 3);

/**
 * Issue 11's storage cost, as a client sees it: the owner creates a room and adds its members one
 * by one (POST /rooms/{roomId}/members, each add announced to the room), timed as a whole and per
 * add; then messages posted into the full room one at a time. Every add records an event, so when
 * each event stores the room's member list, setting up a room of N costs O(N^2) in writes.
 */
export const roomSetupScenario: Scenario = {
  name: 'room-setup',
  title: 'room setup: a room of 1,000 members added one by one, then messages into it (one client)',
  targets: ['monolith', 'monolith-sqlite', 'split', 'split-2chat', 'split-3chat'],
  metrics: [
    { key: 'totalS', label: 'total s', digits: 1 },
    { key: 'p50Ms', label: 'p50 ms', digits: 2 },
    { key: 'p99Ms', label: 'p99 ms', digits: 2 },
  ],
  async run({ target, options, log }: ScenarioContext): Promise<CaseResult[]> {
    const httpUrl = target.gateways[0]?.httpUrl ?? '';
    const api = new BenchApi(httpUrl, log);
    const size = sizeFor(options.preset);
    const [owner, ...members] = (await createUsers(api, size)) as [BenchUser, ...BenchUser[]];
    const roomId = await api.createRoom(owner, `bench-setup-${size}`);
    log(`${size} users ready`);
    const started = performance.now();
    const adds = await timed(members.length, (index) => send(`${httpUrl}/rooms/${roomId}/members`, 'POST', owner.token, { userId: (members[index] as BenchUser).userId }));
    const addSeconds = (performance.now() - started) / 1000;
    const postStarted = performance.now();
    const posts = await timed(messagesFor(options.preset), (index) => send(`${httpUrl}/chats/room/${roomId}`, 'POST', owner.token, { message: `setup ${index}` }));
    const postSeconds = (performance.now() - postStarted) / 1000;
    log(`room of ${size}: set up in ${round(addSeconds, 1)} s (add p50 ${round(adds.percentileMs(0.5), 2)} ms), message p50 ${round(posts.percentileMs(0.5), 2)} ms`);
    return [
      { case: `add ${members.length} members one by one`, metrics: { totalS: round(addSeconds, 1), p50Ms: round(adds.percentileMs(0.5), 2), p99Ms: round(adds.percentileMs(0.99), 2) } },
      { case: `message into the room of ${size}`, metrics: { totalS: round(postSeconds, 1), p50Ms: round(posts.percentileMs(0.5), 2), p99Ms: round(posts.percentileMs(0.99), 2) } },
    ];
  },
};

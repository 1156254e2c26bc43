import { runLimited } from '../load/run-limited';
import type { BenchTarget } from '../targets/bench-target';
import type { BenchApi, BenchUser } from '../setup/http-api';
import { createUsers } from '../setup/population';
import type { CaseResult } from './scenario';
import { round } from './socket-phases';
import { cpuTimed } from './cpu-timed';
import { latencyMetrics, send } from './timed-requests';

const JOIN_CONCURRENCY = 16;

/**
 * A room of `size` members (its owner, the rest joined): `samples` users added to it one at a
 * time by the owner (POST /rooms/{roomId}/members), then `samples` messages posted by the owner
 * one at a time, each case with the CPU of the target's own processes while it runs ({@link cpuTimed}: not
 * the shared database, broker and Redis, whose CPU other work shares; the table shows them). No member has a socket
 * open, so a message's cost per member is what the servers do for each member of its audience
 * (the event's audience, the fan-out lookup), not socket writes.
 */
export const memberCostCases = async (
  target: BenchTarget,
  api: BenchApi,
  size: number,
  samples: number,
  log: (line: string) => void,
): Promise<CaseResult[]> => {
  const httpUrl = target.gateways[0]?.httpUrl ?? '';
  const [owner, ...rest] = await createUsers(api, size + samples);
  if (owner === undefined) throw new Error('no owner');
  const members = rest.slice(0, size - 1);
  const added = rest.slice(size - 1);
  const roomId = await api.createRoom(owner, `bench-members-${size}`);
  await runLimited(members, JOIN_CONCURRENCY, (user: BenchUser) => api.joinRoom(user, roomId));
  log(`room of ${size} members ready`);
  const adds = await cpuTimed(target, samples, (index) => send(`${httpUrl}/rooms/${roomId}/members`, 'POST', owner.token, { userId: (added[index] as BenchUser).userId }));
  const posts = await cpuTimed(target, samples, (index) => send(`${httpUrl}/chats/room/${roomId}`, 'POST', owner.token, { message: `member cost ${index}` }));
  const audience = size + samples;
  log(`room of ${size}: add p50 ${round(adds.latency.percentileMs(0.5), 2)} ms, ${round(adds.cpuMsPerRequest, 2)} ms CPU per add; `
    + `message p50 ${round(posts.latency.percentileMs(0.5), 2)} ms, ${round(posts.cpuMsPerRequest, 2)} ms CPU per message`);
  return [
    {
      case: `add a member to a room of ${size}`,
      metrics: { ...latencyMetrics(adds.latency), cpuMsPerRequest: round(adds.cpuMsPerRequest, 2) },
      cpu: adds.usage,
    },
    {
      case: `message into a room of ${size}`,
      metrics: {
        ...latencyMetrics(posts.latency),
        cpuMsPerMessage: round(posts.cpuMsPerRequest, 2), cpuMicrosPerMember: round((posts.cpuMsPerRequest * 1000) / audience, 2),
      },
      cpu: posts.usage,
    },
  ];
};

import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { silentLogger, type EventBus, type IntegrationEvent } from '@chatterroom/kernel';
import { closeRedis, createRedis, redisReady } from '@chatterroom/platform/redis/create-redis';
import { serviceUrls } from '@chatterroom/test/harness/services/service-urls';
import { eventually } from '@chatterroom/test/harness/system/eventually';
import { recordingLogger } from '@chatterroom/test/harness/recording-logger';
import { ChatEventRelay } from '../../application/chat-event-relay';
import { InMemoryChatEventLog } from '../in-memory/in-memory.chat-event-log';
import { InMemoryRoomMembership } from '../in-memory/in-memory.room-membership';
import { RedisRelayLeadership, RELAY_LEASE_TTL_MS } from './redis.relay-leadership';

jest.setTimeout(30_000);

/** The event bus of one relay: what it published, by event id. */
class RecordingBus implements EventBus {
  readonly published: string[] = [];
  async publish(event: IntegrationEvent): Promise<void> {
    this.published.push(event.id);
  }
  async subscribe(): Promise<void> {}
  async close(): Promise<void> {}
}

const draft = (text: string) => ({
  id: randomUUID(),
  type: 'chat.private-message.sent',
  occurredAt: new Date().toISOString(),
  payload: { text },
  audience: [1, 2],
});

/**
 * The relay lease of chat-service replicas against a real Redis (this run's keys only, under a
 * prefix of its own): one process leads, the others stand by and nudge it, and the lease passes
 * on when the leader gives it up or stops renewing it.
 */
describe('RedisRelayLeadership (Redis)', () => {
  const keyPrefix = `chatterroom-test:relay:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}:`;
  let redis: Redis;
  const opened: RedisRelayLeadership[] = [];
  const leadership = (client: Redis = redis, relayHolder?: string) => {
    const made = new RedisRelayLeadership({ redis: client, keyPrefix, logger: silentLogger, ...(relayHolder === undefined ? {} : { relayHolder }) });
    opened.push(made);
    return made;
  };

  beforeAll(async () => {
    redis = createRedis(serviceUrls.redis, silentLogger);
    await redisReady(redis);
  });

  afterEach(async () => {
    for (const made of opened.splice(0)) await made.close();
    await redis.del(`${keyPrefix}chat:relay:lease`);
  });

  afterAll(() => closeRedis(redis));

  it('lets one process lead; the lease passes on when the leader gives it up', async () => {
    const [first, second] = [leadership(), leadership()];
    expect(await first.leads()).toBe(true);
    expect(await second.leads()).toBe(false);
    expect(await first.leads()).toBe(true);
    await first.close();
    await eventually(async () => expect(await second.leads()).toBe(true), { timeoutMs: 5_000 });
    expect(await first.leads()).toBe(false);
  });

  it('passes the lease on when the leader stops renewing it (a process that died)', async () => {
    const [dead, survivor] = [leadership(), leadership()];
    expect(await dead.leads()).toBe(true);
    expect(await survivor.leads()).toBe(false);
    const ttl = await redis.pttl(`${keyPrefix}chat:relay:lease`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(RELAY_LEASE_TTL_MS);
    await eventually(async () => expect(await survivor.leads()).toBe(true), { timeoutMs: RELAY_LEASE_TTL_MS + 5_000, intervalMs: 200 });
  });

  it('gives the lease back at once to a process restarted in the place of the one that held it (same holder name)', async () => {
    const crashed = leadership(redis, 'chat-1|10.0.0.5:50052');
    expect(await crashed.leads()).toBe(true);
    // the process dies without giving the lease up; its replacement listens where it did
    expect(await leadership(redis, 'chat-2|10.0.0.6:50052').leads()).toBe(false);
    expect(await leadership(redis, 'chat-1|10.0.0.5:50052').leads()).toBe(true);
  });

  it('takes the lease again after Redis lost it', async () => {
    const [first, second] = [leadership(), leadership()];
    expect(await first.leads()).toBe(true);
    await redis.del(`${keyPrefix}chat:relay:lease`);
    await eventually(async () => expect(await second.leads()).toBe(true), { timeoutMs: 5_000 });
    await eventually(async () => expect(await first.leads()).toBe(false), { timeoutMs: 5_000 });
  });

  it('delivers a nudge to the other processes, not to the one that sent it', async () => {
    const [leader, standby] = [leadership(), leadership()];
    const heard = { leader: 0, standby: 0 };
    await leader.onNudge(() => (heard.leader += 1));
    await standby.onNudge(() => (heard.standby += 1));
    standby.nudgeLeader();
    await eventually(() => expect(heard.leader).toBe(1));
    expect(heard.standby).toBe(0);
    // nudges asked for while one is on its way are not lost: one more follows it
    standby.nudgeLeader();
    standby.nudgeLeader();
    standby.nudgeLeader();
    await eventually(() => expect(heard.leader).toBe(3));
  });

  it('leads while Redis cannot be reached (every relay publishes, as without a lease), and says so', async () => {
    const { logger, warnings } = recordingLogger();
    const unreachable = createRedis('redis://127.0.0.1:1', silentLogger);
    try {
      const cut = new RedisRelayLeadership({ redis: unreachable, keyPrefix, logger });
      expect(await cut.leads()).toBe(true);
      cut.nudgeLeader();
      await cut.close();
      expect(warnings).toEqual([expect.stringMatching(/relaying anyway/)]);
    } finally {
      await closeRedis(unreachable);
    }
  });

  describe('two relays over one event log', () => {
    const log = new InMemoryChatEventLog();
    const relayOn = (bus: RecordingBus, lead: RedisRelayLeadership) =>
      new ChatEventRelay({ chatEventLog: log, roomMembership: new InMemoryRoomMembership(), relayLeadership: lead, eventBus: bus, logger: silentLogger, chatEventRetentionMs: 3_600_000 });

    it('publishes each event once, all from the leader, those the standby recorded too; the standby takes over when the leader stops', async () => {
      const [leaderBus, standbyBus] = [new RecordingBus(), new RecordingBus()];
      const [leader, standby] = [relayOn(leaderBus, leadership()), relayOn(standbyBus, leadership())];
      leader.start();
      await eventually(() => expect(leader.isLeading()).toBe(true));
      standby.start();
      const recorded: string[] = [];
      for (const [relay, text] of [[leader, 'a'], [standby, 'b'], [standby, 'c'], [leader, 'd']] as const) {
        const event = draft(text);
        await log.record(event);
        recorded.push(event.id);
        relay.kick();
      }
      await eventually(() => expect(leaderBus.published).toEqual(recorded));
      expect(standby.isLeading()).toBe(false);
      expect(standbyBus.published).toEqual([]);

      await leader.stop();
      const after = draft('after the leader stopped');
      await log.record(after);
      standby.kick();
      await eventually(() => expect(standbyBus.published).toEqual([after.id]), { timeoutMs: 10_000 });
      expect(standby.isLeading()).toBe(true);
      await standby.stop();
    });
  });
});

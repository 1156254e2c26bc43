import { createEvent, silentLogger } from '@chatterroom/kernel';
import { InMemoryEventBus } from '@chatterroom/kernel/adapters';
import { SESSION_REVOKED_V1, type SessionRef } from '../../contracts';
import { RevocationAwareSessionStatus } from './revocation-aware.session-status';

/** The user service's answers, counted. */
const remote = (active: Set<string>) => {
  const asked: SessionRef[] = [];
  return { asked, isSessionActive: async (ref: SessionRef) => (asked.push(ref), active.has(ref.sessionId)) };
};

const check = (sessionId: string, userId = 1) => ({ userId, sessionId, tokenExpiresAt: new Date(Date.now() + 60_000).toISOString() });

describe('RevocationAwareSessionStatus', () => {
  const setUp = async (active: Set<string>, now = () => new Date()) => {
    const eventBus = new InMemoryEventBus({ logger: silentLogger });
    const userSessions = remote(active);
    const status = new RevocationAwareSessionStatus({
      userSessions,
      eventBus,
      clock: { now },
      logger: silentLogger,
      sessionCheckCacheSeconds: 30,
    });
    await status.start();
    return { status, userSessions, eventBus };
  };

  it('asks the user service once per session, then answers from its cache', async () => {
    const { status, userSessions, eventBus } = await setUp(new Set(['a']));
    expect(await status.isActive(check('a'))).toBe(true);
    expect(await status.isActive(check('a'))).toBe(true);
    expect(userSessions.asked).toHaveLength(1);
    expect(await status.isActive(check('a', 2))).toBe(false);
    await eventBus.close();
  });

  it('refuses a cached session as soon as its revocation arrives on the bus', async () => {
    const { status, eventBus } = await setUp(new Set(['a']));
    expect(await status.isActive(check('a'))).toBe(true);
    await eventBus.publish(createEvent(SESSION_REVOKED_V1, { userId: 1, sessionId: 'a', tokensValidUntil: new Date(Date.now() + 60_000).toISOString() }));
    // the bus delivers asynchronously: wait for the delivery, not for a time
    let active = true;
    for (let attempt = 0; active && attempt < 500; attempt += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      active = await status.isActive(check('a'));
    }
    expect(active).toBe(false);
    await eventBus.close();
  });

  it('refuses, without the event, a session the user service says is over (a process started after the revocation)', async () => {
    const { status, userSessions, eventBus } = await setUp(new Set());
    expect(await status.isActive(check('gone'))).toBe(false);
    expect(await status.isActive(check('gone'))).toBe(false);
    expect(userSessions.asked).toHaveLength(1);
    await eventBus.close();
  });

  it('asks again once a live answer is older than the cache time (a missed event costs at most that)', async () => {
    let now = Date.now();
    const active = new Set(['a']);
    const { status, userSessions, eventBus } = await setUp(active, () => new Date(now));
    expect(await status.isActive(check('a'))).toBe(true);
    active.delete('a');
    now += 31_000;
    expect(await status.isActive(check('a'))).toBe(false);
    expect(userSessions.asked).toHaveLength(2);
    await eventBus.close();
  });
});

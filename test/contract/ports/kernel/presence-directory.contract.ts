import { PRESENCE_TTL_MS, type PresenceDirectory } from '@chatterroom/kernel';

export interface PresenceDirectorySubject {
  readonly directory: PresenceDirectory;
  /** The mark lifetime the directory was made with (PRESENCE_TTL_SECONDS); the default when left out. */
  readonly ttlMs?: number;
  close(): Promise<void>;
}

const freshUser = (): number => 1_000_000_000 + Math.floor(Math.random() * 1_000_000_000);
const at = (ms: number): Date => new Date(ms);

/** The {@link PresenceDirectory} contract, run against every adapter (random user ids: shared stores do not matter). */
export const describePresenceDirectoryContract = (name: string, makeSubject: () => Promise<PresenceDirectorySubject>): void => {
  describe(`PresenceDirectory contract: ${name}`, () => {
    let subject: PresenceDirectorySubject;
    const directory = (): PresenceDirectory => subject.directory;
    const ttl = (): number => subject.ttlMs ?? PRESENCE_TTL_MS;
    beforeAll(async () => {
      subject = await makeSubject();
    });
    afterAll(() => subject.close());

    it('reports a user never seen as offline without lastSeenAt', async () => {
      const userId = freshUser();
      expect(await directory().statesOf([userId], new Date())).toEqual([{ userId, status: 'offline' }]);
    });

    it('is online while any gateway holds a mark; offline with lastSeenAt when the last one goes', async () => {
      const userId = freshUser();
      const now = Date.now();
      expect(await directory().connected(userId, 'gw-a', at(now))).toBe(true);
      expect(await directory().connected(userId, 'gw-b', at(now + 1))).toBe(false);
      expect(await directory().statesOf([userId], at(now + 2))).toEqual([{ userId, status: 'online' }]);
      expect(await directory().disconnected(userId, 'gw-a', at(now + 3))).toBe(false);
      expect(await directory().disconnected(userId, 'gw-b', at(now + 4))).toBe(true);
      expect(await directory().statesOf([userId], at(now + 5))).toEqual([{ userId, status: 'offline', lastSeenAt: at(now + 4).toISOString() }]);
    });

    it("turns a dead gateway's users offline once its marks lapse, unless a heartbeat renewed them", async () => {
      const [lapsing, renewed] = [freshUser(), freshUser()];
      const now = Date.now();
      await directory().connected(lapsing, 'gw-dead', at(now));
      await directory().connected(renewed, 'gw-live', at(now));
      await directory().heartbeat('gw-live', [renewed], at(now + ttl() - 1));
      expect(await directory().statesOf([lapsing, renewed], at(now + ttl() + 1))).toEqual([
        { userId: lapsing, status: 'offline', lastSeenAt: at(now).toISOString() },
        { userId: renewed, status: 'online' },
      ]);
    });

    it('counts a user back online after a lapse as coming online', async () => {
      const userId = freshUser();
      const now = Date.now();
      await directory().connected(userId, 'gw-a', at(now));
      expect(await directory().connected(userId, 'gw-b', at(now + ttl() + 1))).toBe(true);
    });

    it('remembers watches until they lapse', async () => {
      const [watched, other] = [freshUser(), freshUser()];
      const now = Date.now();
      expect(await directory().isWatched(watched, at(now))).toBe(false);
      await directory().watch([watched], at(now));
      expect(await directory().isWatched(watched, at(now + 1))).toBe(true);
      expect(await directory().isWatched(other, at(now + 1))).toBe(false);
    });
  });
};

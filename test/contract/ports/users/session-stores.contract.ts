import { randomBytes } from 'node:crypto';
import type { KeyStore, NewSession, SessionStore, TicketStore } from '@chatterroom/users/ports';
import { SPENT_REFRESH_HASHES_KEPT } from '@chatterroom/users/ports';

export interface SessionStoresSubject {
  readonly keyStore: KeyStore;
  readonly sessionStore: SessionStore;
  readonly ticketStore: TicketStore;
  close(): Promise<void>;
}

const id = () => randomBytes(16).toString('base64url');
const at = (seconds: number) => new Date(Date.UTC(2030, 0, 1) + seconds * 1000).toISOString();
const userIdOf = () => 1 + Math.floor(Math.random() * 2_000_000_000);

const newSession = (overrides: Partial<NewSession> = {}): NewSession => ({
  sessionId: id(),
  userId: userIdOf(),
  createdAt: at(0),
  lastUsedAt: at(0),
  expiresAt: at(3600),
  refreshTokenHash: `h-${id()}`,
  ...overrides,
});

/** The KeyStore, SessionStore and TicketStore ports as they promise, for every adapter family. */
export const describeSessionStoresContract = (name: string, makeSubject: () => Promise<SessionStoresSubject>): void => {
  describe(`session stores contract: ${name}`, () => {
    let subject: SessionStoresSubject;
    beforeEach(async () => {
      subject = await makeSubject();
    });
    afterEach(async () => {
      await subject.close();
    });

    describe('KeyStore', () => {
      const key = (kid: string, createdAt: string) => ({
        kid,
        publicJwk: { kty: 'OKP', crv: 'Ed25519', x: `x-${kid}` },
        privateJwk: { kty: 'OKP', crv: 'Ed25519', x: `x-${kid}`, d: `d-${kid}` },
        createdAt,
      });

      it('lists keys newest first, each once, private part included', async () => {
        await subject.keyStore.add(key('a', at(1)));
        await subject.keyStore.add(key('b', at(2)));
        await subject.keyStore.add(key('a', at(9)));
        expect(await subject.keyStore.list()).toEqual([key('b', at(2)), key('a', at(1))]);
      });

      it('removes keys older than a time, except those to keep', async () => {
        for (const [kid, second] of [['old', 1], ['kept', 2], ['new', 3]] as const) await subject.keyStore.add(key(kid, at(second)));
        expect(await subject.keyStore.removeOlderThan(at(3), ['kept'])).toBe(1);
        expect((await subject.keyStore.list()).map((stored) => stored.kid)).toEqual(['new', 'kept']);
      });
    });

    describe('SessionStore', () => {
      it('creates and finds a session, not revoked, with no spent hashes', async () => {
        const session = newSession({ userAgent: 'agent', ip: '127.0.0.1' });
        const created = await subject.sessionStore.create(session);
        expect(created).toEqual({ ...session, spentRefreshTokenHashes: [], revokedAt: null });
        expect(await subject.sessionStore.findById(session.sessionId)).toEqual(created);
        expect(await subject.sessionStore.findById(id())).toBeNull();
      });

      it('hands out sessions whose changes by a caller never reach what is stored', async () => {
        const session = newSession();
        await subject.sessionStore.create(session);
        const found = (await subject.sessionStore.findById(session.sessionId)) as unknown as { revokedAt: string | null; spentRefreshTokenHashes: string[] };
        try {
          found.revokedAt = '2030-01-01T00:00:00.000Z';
          found.spentRefreshTokenHashes.push('forged');
        } catch {
          // a store may hand out frozen sessions: changing one throws
        }
        expect(await subject.sessionStore.findById(session.sessionId)).toMatchObject({ revokedAt: null, spentRefreshTokenHashes: [] });
      });

      it('refuses a second session with the same id', async () => {
        const session = newSession();
        await subject.sessionStore.create(session);
        await expect(subject.sessionStore.create(session)).rejects.toThrow();
      });

      it('rotates the refresh hash only from the expected one, remembering it as spent', async () => {
        const session = newSession();
        await subject.sessionStore.create(session);
        const rotated = await subject.sessionStore.rotateRefreshToken({
          sessionId: session.sessionId, currentHash: session.refreshTokenHash, nextHash: 'next', usedAt: at(5), userAgent: 'new agent',
        });
        expect(rotated).toMatchObject({ refreshTokenHash: 'next', spentRefreshTokenHashes: [session.refreshTokenHash], lastUsedAt: at(5), userAgent: 'new agent' });
        const stale = await subject.sessionStore.rotateRefreshToken({
          sessionId: session.sessionId, currentHash: session.refreshTokenHash, nextHash: 'other', usedAt: at(6),
        });
        expect(stale).toBeNull();
        expect((await subject.sessionStore.findById(session.sessionId))?.refreshTokenHash).toBe('next');
      });

      it('lets exactly one of concurrent rotations from one hash win', async () => {
        const session = newSession();
        await subject.sessionStore.create(session);
        const results = await Promise.all(
          ['n1', 'n2', 'n3'].map((nextHash) =>
            subject.sessionStore.rotateRefreshToken({ sessionId: session.sessionId, currentHash: session.refreshTokenHash, nextHash, usedAt: at(1) }),
          ),
        );
        expect(results.filter((result) => result !== null)).toHaveLength(1);
      });

      it(`keeps the newest ${SPENT_REFRESH_HASHES_KEPT} spent hashes`, async () => {
        const session = newSession({ refreshTokenHash: 'h0' });
        await subject.sessionStore.create(session);
        for (let i = 0; i < SPENT_REFRESH_HASHES_KEPT + 2; i += 1) {
          await subject.sessionStore.rotateRefreshToken({ sessionId: session.sessionId, currentHash: `h${i}`, nextHash: `h${i + 1}`, usedAt: at(i) });
        }
        const spent = (await subject.sessionStore.findById(session.sessionId))?.spentRefreshTokenHashes ?? [];
        expect(spent).toHaveLength(SPENT_REFRESH_HASHES_KEPT);
        expect(spent.at(-1)).toBe(`h${SPENT_REFRESH_HASHES_KEPT + 1}`);
        expect(spent).not.toContain('h0');
      });

      it('revokes once (the first time stays), refuses rotation afterwards, and answers null for none', async () => {
        const session = newSession();
        await subject.sessionStore.create(session);
        expect(await subject.sessionStore.revoke(session.sessionId, at(10))).toMatchObject({ revokedAt: at(10) });
        expect(await subject.sessionStore.revoke(session.sessionId, at(20))).toMatchObject({ revokedAt: at(10) });
        expect(
          await subject.sessionStore.rotateRefreshToken({ sessionId: session.sessionId, currentHash: session.refreshTokenHash, nextHash: 'n', usedAt: at(30) }),
        ).toBeNull();
        expect(await subject.sessionStore.revoke(id(), at(10))).toBeNull();
      });

      it("lists a user's live sessions newest first, without revoked or expired ones or other users'", async () => {
        const userId = userIdOf();
        const older = newSession({ userId, createdAt: at(1) });
        const newer = newSession({ userId, createdAt: at(2) });
        const revoked = newSession({ userId, createdAt: at(3) });
        const expired = newSession({ userId, createdAt: at(4), expiresAt: at(50) });
        for (const session of [older, newer, revoked, expired, newSession()]) await subject.sessionStore.create(session);
        await subject.sessionStore.revoke(revoked.sessionId, at(5));
        expect((await subject.sessionStore.listActive(userId, at(100))).map((session) => session.sessionId)).toEqual([
          newer.sessionId,
          older.sessionId,
        ]);
      });
    });

    describe('TicketStore', () => {
      const ticket = (overrides = {}) => ({
        ticketHash: `t-${id()}`, userId: userIdOf(), sessionId: id(), tokenExpiresAt: at(900), expiresAt: new Date(Date.now() + 30_000).toISOString(), ...overrides,
      });

      it('gives a ticket out once', async () => {
        const stored = ticket();
        await subject.ticketStore.save(stored);
        const now = new Date().toISOString();
        expect(await subject.ticketStore.consume(stored.ticketHash, now)).toEqual(stored);
        expect(await subject.ticketStore.consume(stored.ticketHash, now)).toBeNull();
        expect(await subject.ticketStore.consume('unknown', now)).toBeNull();
      });

      it('gives a ticket to one of concurrent consumers only', async () => {
        const stored = ticket();
        await subject.ticketStore.save(stored);
        const now = new Date().toISOString();
        const results = await Promise.all([1, 2, 3].map(() => subject.ticketStore.consume(stored.ticketHash, now)));
        expect(results.filter((result) => result !== null)).toHaveLength(1);
      });

      it('refuses an expired ticket', async () => {
        const stored = ticket();
        await subject.ticketStore.save(stored);
        expect(await subject.ticketStore.consume(stored.ticketHash, new Date(Date.now() + 60_000).toISOString())).toBeNull();
      });
    });
  });
};

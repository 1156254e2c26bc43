import { DomainError } from '@chatterroom/kernel';
import type { UserRecord } from '@chatterroom/users/contracts';
import type { UsersApiSubject } from './users-api.contract';

const rejectionOf = async (promise: Promise<unknown>): Promise<DomainError> => {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: value }),
    (reason: unknown) => ({ rejected: reason }),
  );
  if (!('rejected' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.resolved)}`);
  expect(outcome.rejected).toBeInstanceOf(DomainError);
  return outcome.rejected as DomainError;
};

const codeOf = async (promise: Promise<unknown>): Promise<string> => (await rejectionOf(promise)).code;

/**
 * Sessions, refresh tokens, WebSocket tickets and the JWKS, as the users module's inbound
 * ports promise them: run inside the users API contract, so in process and over gRPC alike.
 */
export const describeUserSessionsCases = (
  subjectOf: () => UsersApiSubject,
  registered: () => Promise<{ user: UserRecord; password: string }>,
): void => {
  const signIn = async (userAgent?: string) => {
    const { user, password } = await registered();
    const first = await subjectOf().accounts.authenticate({ username: user.username, password, ...(userAgent ? { userAgent } : {}) });
    return { user, password, first };
  };

  describe('sessions', () => {
    it('signs in with an access token naming a session, a refresh token and a lifetime', async () => {
      const { user, first } = await signIn();
      expect(first).toEqual({ token: expect.any(String), refreshToken: expect.any(String), expiresIn: expect.any(Number), sessionId: expect.any(String) });
      expect(first.expiresIn).toBeGreaterThan(0);
      const claims = await subjectOf().verifier.verify(first.token);
      expect(claims).toEqual({ userId: user.userId, sessionId: first.sessionId, expiresAt: expect.any(String) });
    });

    it('rotates the refresh token: the new pair works, the session stays the same', async () => {
      const { user, first } = await signIn();
      const second = await subjectOf().sessions.refresh({ refreshToken: first.refreshToken });
      expect(second.sessionId).toBe(first.sessionId);
      expect(second.refreshToken).not.toBe(first.refreshToken);
      await expect(subjectOf().verifier.verify(second.token)).resolves.toMatchObject({ userId: user.userId, sessionId: first.sessionId });
      const third = await subjectOf().sessions.refresh({ refreshToken: second.refreshToken });
      expect(third.sessionId).toBe(first.sessionId);
    });

    it('revokes the whole session when a spent refresh token comes back', async () => {
      const { first } = await signIn();
      const second = await subjectOf().sessions.refresh({ refreshToken: first.refreshToken });
      expect(await codeOf(subjectOf().sessions.refresh({ refreshToken: first.refreshToken }))).toBe('AUTH_REFRESH_TOKEN_REUSED');
      expect(await codeOf(subjectOf().sessions.refresh({ refreshToken: second.refreshToken }))).toBe('AUTH_INVALID_REFRESH_TOKEN');
      expect(await codeOf(subjectOf().verifier.verify(second.token))).toBe('AUTH_INVALID_TOKEN');
    });

    it('lets one of two concurrent redemptions of a token win, and then revokes the session', async () => {
      const { first } = await signIn();
      const outcomes = await Promise.allSettled([
        subjectOf().sessions.refresh({ refreshToken: first.refreshToken }),
        subjectOf().sessions.refresh({ refreshToken: first.refreshToken }),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').length).toBeLessThanOrEqual(1);
      expect(await codeOf(subjectOf().verifier.verify(first.token))).toBe('AUTH_INVALID_TOKEN');
    });

    it.each([['garbage'], [''], ['x'.repeat(22) + '.' + 'y'.repeat(43)]])('refuses refresh token %p', async (refreshToken) => {
      expect(await codeOf(subjectOf().sessions.refresh({ refreshToken }))).toBe('AUTH_INVALID_REFRESH_TOKEN');
    });

    it('does not revoke a session for a forged refresh token naming it', async () => {
      const { first } = await signIn();
      const forged = `${first.sessionId}.${'A'.repeat(43)}`;
      expect(await codeOf(subjectOf().sessions.refresh({ refreshToken: forged }))).toBe('AUTH_INVALID_REFRESH_TOKEN');
      await expect(subjectOf().verifier.verify(first.token)).resolves.toMatchObject({ sessionId: first.sessionId });
    });

    it('lists the live sessions newest first, marking the current one, with the user agent', async () => {
      const { user, password, first } = await signIn('agent/1.0');
      const second = await subjectOf().accounts.authenticate({ username: user.username, password });
      const listed = await subjectOf().sessions.listSessions({ userId: user.userId, currentSessionId: second.sessionId });
      expect(listed.map((session) => [session.sessionId, session.current])).toEqual([
        [second.sessionId, true],
        [first.sessionId, false],
      ]);
      expect(listed[1]).toMatchObject({ userAgent: 'agent/1.0', createdAt: expect.any(String), lastUsedAt: expect.any(String) });
    });

    it('ends a session: its tokens and refresh token are refused, the other session lives on', async () => {
      const { user, password, first } = await signIn();
      const second = await subjectOf().accounts.authenticate({ username: user.username, password });
      await subjectOf().sessions.revokeSession({ userId: user.userId, sessionId: first.sessionId });
      await subjectOf().sessions.revokeSession({ userId: user.userId, sessionId: first.sessionId });
      expect(await codeOf(subjectOf().verifier.verify(first.token))).toBe('AUTH_INVALID_TOKEN');
      expect(await codeOf(subjectOf().sessions.refresh({ refreshToken: first.refreshToken }))).toBe('AUTH_INVALID_REFRESH_TOKEN');
      await expect(subjectOf().verifier.verify(second.token)).resolves.toMatchObject({ sessionId: second.sessionId });
      const listed = await subjectOf().sessions.listSessions({ userId: user.userId });
      expect(listed.map((session) => session.sessionId)).toEqual([second.sessionId]);
      expect(await subjectOf().sessions.isSessionActive({ userId: user.userId, sessionId: first.sessionId })).toBe(false);
      expect(await subjectOf().sessions.isSessionActive({ userId: user.userId, sessionId: second.sessionId })).toBe(true);
    });

    it("answers someone else's session as not found, and leaves it alone", async () => {
      const { first } = await signIn();
      const { user: stranger } = await signIn();
      const error = await rejectionOf(subjectOf().sessions.revokeSession({ userId: stranger.userId, sessionId: first.sessionId }));
      expect({ code: error.code, kind: error.kind }).toEqual({ code: 'USERS_SESSION_NOT_FOUND', kind: 'not-found' });
      await expect(subjectOf().verifier.verify(first.token)).resolves.toMatchObject({ sessionId: first.sessionId });
    });

    it('redeems a WebSocket ticket once for the claims of its session and a fresh token of it', async () => {
      const { user, first } = await signIn();
      const claims = await subjectOf().verifier.verify(first.token);
      const { ticket, expiresIn } = await subjectOf().sessions.issueWsTicket({ ...claims });
      expect(expiresIn).toBe(30);
      const redeemed = await subjectOf().sessions.redeemWsTicket({ ticket });
      expect(redeemed).toEqual({ userId: user.userId, sessionId: first.sessionId, expiresAt: claims.expiresAt, token: expect.any(String) });
      await expect(subjectOf().verifier.verify(redeemed.token)).resolves.toMatchObject({ userId: user.userId, sessionId: first.sessionId });
      expect(await codeOf(subjectOf().sessions.redeemWsTicket({ ticket }))).toBe('AUTH_INVALID_TICKET');
      expect(await codeOf(subjectOf().sessions.redeemWsTicket({ ticket: 'nonsense' }))).toBe('AUTH_INVALID_TICKET');
    });

    it('refuses a ticket whose session ended before it was used', async () => {
      const { user, first } = await signIn();
      const claims = await subjectOf().verifier.verify(first.token);
      const { ticket } = await subjectOf().sessions.issueWsTicket({ ...claims });
      await subjectOf().sessions.revokeSession({ userId: user.userId, sessionId: first.sessionId });
      expect(await codeOf(subjectOf().sessions.redeemWsTicket({ ticket }))).toBe('AUTH_INVALID_TICKET');
      expect(await codeOf(subjectOf().sessions.issueWsTicket({ ...claims }))).toBe('AUTH_INVALID_TOKEN');
    });

    it('publishes Ed25519 public keys only, among them the kid of a fresh token', async () => {
      const { first } = await signIn();
      const { keys } = await subjectOf().jwks.getJwks();
      const kid = (JSON.parse(Buffer.from(first.token.split('.')[0]!, 'base64url').toString()) as { kid: string }).kid;
      expect(keys.map((key) => key.kid)).toContain(kid);
      for (const key of keys) {
        expect(key).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: expect.any(String), alg: 'EdDSA', use: 'sig' });
      }
    });
  });
};

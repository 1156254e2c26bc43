import {
  HttpClient, newUserOn, privateHistory, roomHistory, roomWith, sendPrivate, sendToRoom, uniqueText, type Json, type TestUser,
} from '@chatterroom/test/harness/system';
import { httpHealthy } from '@chatterroom/test/harness/system/readiness';
import type { RoleProcess } from '@chatterroom/test/harness/system/role-process';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { startMonolith } from '@chatterroom/test/harness/system/targets/monolith.target';
import { bounded, processNamed, StartedProcesses, targetOptions } from './started-processes';

const lastSeq = (history: Json[]): number => Math.max(...history.map((message) => message.seq as number));

/**
 * The restart cases for a monolith on durable storage: started with `env` (its storage), it is
 * stopped with SIGTERM and started again with the same environment and port: signing keys and
 * sessions (so access and refresh tokens), credentials, histories and id sequences carry over.
 */
export const describeMonolithRestart = (storage: string, env: Readonly<Record<string, string>>): void =>
describe(`monolith on ${storage}: stopped and started again on the same data`, () => {
  const started = new StartedProcesses();
  let target: RunningTarget;
  let monolith: RoleProcess;
  let alice: TestUser;
  let bob: TestUser;
  let roomId: number;
  let roomBefore: Json[];
  let privateBefore: Json[];
  let bobSession: { token: string; refreshToken: string; sessionId: string };

  beforeAll(async () => {
    target = started.addTarget(await startMonolith(targetOptions(env)));
    monolith = processNamed(target, 'monolith');
    alice = await newUserOn(target.endpoints);
    bob = await newUserOn(target.endpoints);
    roomId = await roomWith(alice, bob);
    await sendToRoom(alice, roomId, uniqueText('room before 1'));
    await sendToRoom(bob, roomId, uniqueText('room before 2'));
    await sendPrivate(alice, bob, uniqueText('private before 1'));
    await sendPrivate(bob, alice, uniqueText('private before 2'));
    roomBefore = await roomHistory(alice, roomId);
    privateBefore = await privateHistory(alice, bob);
    expect(roomBefore).toHaveLength(2);
    expect(privateBefore).toHaveLength(2);
    const signedIn = await new HttpClient(bob.http.baseUrl).post('/users/authenticate', { username: bob.username, password: bob.password });
    expect(signedIn.status).toBe(200);
    bobSession = signedIn.body;
  }, 120_000);

  afterAll(() => started.cleanUp(), 60_000);

  it('shuts down gracefully on SIGTERM: exit code 0', async () => {
    await bounded(monolith.signal('SIGTERM'), 20_000, 'the monolith to exit on SIGTERM');
    expect(monolith.exitCode).toBe(0);
  });

  describe('once started again with the same storage and port', () => {
    beforeAll(async () => {
      const { httpUrl } = target.endpoints.gateways[0]!;
      await started.restart(monolith, `GET ${httpUrl}/health`, () => httpHealthy(httpUrl));
    }, 120_000);

    it('accepts the token issued before the restart', async () => {
      const response = await alice.http.get(`/users/${alice.userId}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ userId: alice.userId, username: alice.username, email: alice.email, presence: expect.any(Object) });
    });

    it('accepts an access token and rotates a refresh token of a session made before the restart', async () => {
      const anonymous = new HttpClient(bob.http.baseUrl);
      const bobProfile = { userId: bob.userId, username: bob.username, email: bob.email, presence: expect.any(Object) };
      expect((await anonymous.withToken(bobSession.token).get(`/users/${bob.userId}`)).body).toEqual(bobProfile);
      const refreshed = await anonymous.post('/users/refresh', { refreshToken: bobSession.refreshToken });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body).toMatchObject({ sessionId: bobSession.sessionId, token: expect.any(String), refreshToken: expect.any(String) });
      expect(refreshed.body.refreshToken).not.toBe(bobSession.refreshToken);
      expect((await anonymous.withToken(refreshed.body.token).get(`/users/${bob.userId}`)).body).toEqual(bobProfile);
      const listed = await anonymous.withToken(refreshed.body.token).get('/users/me/sessions');
      expect(listed.body.map((session: Json) => session.sessionId)).toContain(bobSession.sessionId);
    });

    it('authenticates with the credentials registered before the restart', async () => {
      const anonymous = new HttpClient(alice.http.baseUrl);
      const signedIn = await anonymous.post('/users/authenticate', { username: bob.username, password: bob.password });
      expect(signedIn.status).toBe(200);
      const me = await anonymous.withToken(signedIn.body.token).get(`/users/${bob.userId}`);
      expect(me.body).toEqual({ userId: bob.userId, username: bob.username, email: bob.email, presence: expect.any(Object) });
    });

    it('still has the room and private histories', async () => {
      expect(await roomHistory(bob, roomId)).toEqual(roomBefore);
      expect(await privateHistory(bob, alice)).toEqual(privateBefore);
    });

    it('continues the ids: a new user, a new room and new messages collide with nothing earlier', async () => {
      const carol = await newUserOn(target.endpoints);
      expect([alice.userId, bob.userId]).not.toContain(carol.userId);
      const otherRoomId = await roomWith(carol, alice);
      expect(otherRoomId).not.toBe(roomId);

      const inRoom = await sendToRoom(bob, roomId, uniqueText('room after'));
      expect(inRoom.seq).toBe(lastSeq(roomBefore) + 1);
      const inPrivate = await sendPrivate(alice, bob, uniqueText('private after'));
      expect(inPrivate.seq).toBe(lastSeq(privateBefore) + 1);
      const earlierIds = [...roomBefore, ...privateBefore].map((message) => message.messageId);
      expect(earlierIds).not.toContain(inRoom.messageId);
      expect(earlierIds).not.toContain(inPrivate.messageId);
      expect((await sendPrivate(carol, alice)).seq).toBe(1);
      expect(await roomHistory(carol, otherRoomId)).toEqual([]);
    });
  });
});

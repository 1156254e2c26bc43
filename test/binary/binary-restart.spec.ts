import { randomBytes } from 'node:crypto';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { requireServices } from '@chatterroom/test/harness/services/require-services';
import { HttpClient, newUserOn, privateHistory, roomHistory, roomWith, sendPrivate, sendToRoom, uniqueText, type Json, type TestUser } from '@chatterroom/test/harness/system';
import { httpHealthy } from '@chatterroom/test/harness/system/readiness';
import type { RoleProcess } from '@chatterroom/test/harness/system/role-process';
import { startBinary } from '@chatterroom/test/harness/system/targets/binary.target';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { bounded, processNamed, StartedProcesses, targetOptions } from '@chatterroom/test/resilience/support/started-processes';

/*
 * Issue 8: the single executable keeps its data across a restart. It runs copied alone into a
 * fresh folder, is stopped with SIGTERM and started again from that folder with the same
 * environment: accounts, tokens and histories are still there, whatever storage it was given.
 */

jest.setTimeout(120_000);

interface StorageCase {
  readonly name: string;
  readonly env: () => Promise<Record<string, string>>;
}

const STORAGES: readonly StorageCase[] = [
  { name: 'its default storage (SQLite in ./data beside it)', env: async () => ({}) },
  {
    name: 'MongoDB (MONGO_URL)',
    env: async () => {
      await requireServices(['mongo']);
      return { MONGO_URL: mongoTestUrl('binary_restart') };
    },
  },
];

describe.each(STORAGES)('the binary on $name, stopped and started again', ({ env }) => {
  const started = new StartedProcesses();
  let target: RunningTarget;
  let binary: RoleProcess;
  let alice: TestUser;
  let bob: TestUser;
  let roomId: number;
  let roomBefore: Json[];
  let privateBefore: Json[];

  beforeAll(async () => {
    target = started.addTarget(await startBinary(targetOptions({ ...(await env()), JWT_SECRET: randomBytes(48).toString('base64url') })));
    binary = processNamed(target, 'binary');
    alice = await newUserOn(target.endpoints);
    bob = await newUserOn(target.endpoints);
    roomId = await roomWith(alice, bob);
    await sendToRoom(alice, roomId, uniqueText('room before'));
    await sendPrivate(bob, alice, uniqueText('private before'));
    roomBefore = await roomHistory(alice, roomId);
    privateBefore = await privateHistory(alice, bob);
    await bounded(binary.signal('SIGTERM'), 20_000, 'the binary to exit on SIGTERM');
    expect(binary.exitCode).toBe(0);
    const { httpUrl } = target.endpoints.gateways[0]!;
    await started.restart(binary, `GET ${httpUrl}/health`, () => httpHealthy(httpUrl));
  });

  afterAll(() => started.cleanUp(), 60_000);

  it('accepts the token issued before the restart and the credentials registered before it', async () => {
    expect((await alice.http.get(`/users/${alice.userId}`)).body).toEqual({ userId: alice.userId, username: alice.username, email: alice.email, presence: expect.any(Object) });
    const signedIn = await new HttpClient(bob.http.baseUrl).post('/users/authenticate', { username: bob.username, password: bob.password });
    expect(signedIn.status).toBe(200);
  });

  it('still has the room and the private history, and carries on their sequences', async () => {
    expect(roomBefore).toHaveLength(1);
    expect(privateBefore).toHaveLength(1);
    expect(await roomHistory(bob, roomId)).toEqual(roomBefore);
    expect(await privateHistory(bob, alice)).toEqual(privateBefore);
    expect((await sendToRoom(bob, roomId, uniqueText('room after'))).seq).toBe(2);
    expect((await sendPrivate(alice, bob, uniqueText('private after'))).seq).toBe(2);
  });
});

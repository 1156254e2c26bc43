import { randomBytes } from 'node:crypto';
import { serviceUrls } from '@chatterroom/test/harness/services/service-urls';
import { startOwnFerretDb, type OwnFerretDb } from '@chatterroom/test/harness/services/own-ferretdb';
import { eventually } from '@chatterroom/test/harness/system';
import { freePorts } from '@chatterroom/test/harness/system/free-port';
import { grpcServing, httpHealthy, waitUntilReady } from '@chatterroom/test/harness/system/readiness';
import { RoleProcess } from '@chatterroom/test/harness/system/role-process';
import { compiledMain } from '@chatterroom/test/harness/system/targets/running-target';
import { REPO_ROOT_DIR, StartedProcesses } from './support/started-processes';

/*
 * Issue 13: readiness that means something. A monolith on MongoDB answers /health/ready 503
 * NOT_READY naming its database while that database is down, and 200 again after; a user
 * service's gRPC health turns NOT_SERVING and back. The database is a FerretDB of this file's
 * own (own port and data dir), killed and started again; the shared one is never touched.
 */

jest.setTimeout(120_000);

const HOST = '127.0.0.1';

const getJson = async (url: string): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('readiness follows a database that goes down and comes back', () => {
  const started = new StartedProcesses();
  let ferret: OwnFerretDb;
  let monolithUrl: string;
  let usersPort: number;

  beforeAll(async () => {
    const [ferretPort, httpPort, grpcPort] = (await freePorts(3, HOST)) as [number, number, number];
    usersPort = grpcPort;
    ferret = await startOwnFerretDb(ferretPort);
    const run = randomBytes(4).toString('hex');
    const mainPath = compiledMain(REPO_ROOT_DIR);
    monolithUrl = `http://${HOST}:${httpPort}`;
    const monolith = started.add(new RoleProcess({
      name: 'monolith', role: 'monolith', mainPath, cwd: REPO_ROOT_DIR,
      env: { LOG_LEVEL: 'warn', HOST, PORT: String(httpPort), MONGO_URL: ferret.urlOf(`readiness_monolith_${run}`) },
    }));
    const users = started.add(new RoleProcess({
      name: 'user-service', role: 'user-service', mainPath, cwd: REPO_ROOT_DIR,
      env: {
        LOG_LEVEL: 'warn', GRPC_HOST: HOST, GRPC_PORT: String(usersPort), USERS_MONGO_URL: ferret.urlOf(`readiness_users_${run}`),
        AMQP_URL: serviceUrls.amqp, AMQP_EXCHANGE: `chatterroom.test.readiness.${run}`, SERVICE_TOKEN: randomBytes(32).toString('base64url'),
        HEALTH_CHECK_INTERVAL_MS: '200', BCRYPT_COST: '4', METRICS_PORT: '0',
      },
    }));
    await Promise.all([
      waitUntilReady(monolith, `GET ${monolithUrl}/health`, () => httpHealthy(monolithUrl), 60_000),
      waitUntilReady(users, `gRPC ${HOST}:${usersPort}`, () => grpcServing(HOST, usersPort), 60_000),
    ]);
  }, 120_000);

  afterAll(async () => {
    await started.cleanUp();
    await ferret?.remove();
  }, 60_000);

  it('is ready while everything answers', async () => {
    expect(await getJson(`${monolithUrl}/health/ready`)).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'up' } } });
    expect(await grpcServing(HOST, usersPort)).toBe(true);
  });

  describe('while the database is down', () => {
    beforeAll(() => ferret.kill());

    it('answers /health/ready 503 NOT_READY naming the database; /health/live and /health stay 200', async () => {
      const answer = await eventually(async () => {
        const got = await getJson(`${monolithUrl}/health/ready`);
        expect(got.status).toBe(503);
        return got.body;
      }, { timeoutMs: 30_000, intervalMs: 250 });
      expect(answer).toMatchObject({ statusCode: 503, code: 'NOT_READY', error: 'Service Unavailable', message: expect.stringMatching(/^Not ready: database \(/) });
      expect((answer.checks as Record<string, string>).database).not.toBe('up');
      expect(await getJson(`${monolithUrl}/health/live`)).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await getJson(`${monolithUrl}/health`)).toEqual({ status: 200, body: { status: 'ok' } });
    });

    it("turns the user service's gRPC health NOT_SERVING", async () => {
      await eventually(async () => expect(await grpcServing(HOST, usersPort)).toBe(false), { timeoutMs: 30_000, intervalMs: 250 });
    });
  });

  describe('once the database is back', () => {
    beforeAll(() => ferret.restart(), 60_000);

    it('is ready again, and the gRPC health SERVING again', async () => {
      await eventually(async () => expect((await getJson(`${monolithUrl}/health/ready`)).status).toBe(200), { timeoutMs: 60_000, intervalMs: 250 });
      await eventually(async () => expect(await grpcServing(HOST, usersPort)).toBe(true), { timeoutMs: 60_000, intervalMs: 250 });
    });
  });
});

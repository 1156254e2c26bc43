import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { silentLogger } from '@chatterroom/kernel';
import { startGrpcServer } from '@chatterroom/platform/grpc/grpc-server';
import { makeDevCerts, type DevCerts } from '@chatterroom/test/harness/dev-certs';
import { freePort } from '@chatterroom/test/harness/system/free-port';
import { repoRoot } from './compose-model';

jest.setTimeout(20_000);

/** A server with no service of its own: only the open health service answers. */
const NO_CALLERS = { tokenVerifier: { verify: () => Promise.reject(new Error('no callers')) } };

/** Runs a health check script as the container runtime would, and returns its exit code. */
const probe = (script: string, port: number, env: Record<string, string> = {}): Promise<number> =>
  new Promise((resolve) => {
    const options = { cwd: repoRoot, env: { ...process.env, ...env } };
    execFile(process.execPath, [join(repoRoot, 'deploy/healthcheck', script), String(port)], options, (error) =>
      resolve(error === null ? 0 : typeof error.code === 'number' ? error.code : -1),
    );
  });

const httpServer = async (status: number): Promise<Server> => {
  const server = createServer((request, response) => {
    response.statusCode = request.url === '/health/ready' ? status : 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
};
const portOf = (server: Server): number => (server.address() as AddressInfo).port;
const close = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

describe('deploy/healthcheck/http-health-check.cjs', () => {
  it('passes when GET /health/ready answers 200', async () => {
    const server = await httpServer(200);
    try {
      expect(await probe('http-health-check.cjs', portOf(server))).toBe(0);
    } finally {
      await close(server);
    }
  });

  it('fails when /health/ready answers an error status (503 NOT_READY)', async () => {
    const server = await httpServer(503);
    try {
      expect(await probe('http-health-check.cjs', portOf(server))).toBe(1);
    } finally {
      await close(server);
    }
  });

  it('fails when nothing listens', async () => {
    expect(await probe('http-health-check.cjs', await freePort())).toBe(1);
  });
});

describe('deploy/healthcheck/grpc-health-check.cjs', () => {
  it('passes while a gRPC server reports SERVING, fails once it has stopped', async () => {
    const server = await startGrpcServer({ host: '127.0.0.1', port: 0, services: [], auth: NO_CALLERS, logger: silentLogger });
    try {
      expect(await probe('grpc-health-check.cjs', server.port)).toBe(0);
    } finally {
      await server.close();
    }
    expect(await probe('grpc-health-check.cjs', server.port)).toBe(1);
  });

  it('fails while the server reports NOT_SERVING (a dependency down), passes once it is SERVING again', async () => {
    const server = await startGrpcServer({ host: '127.0.0.1', port: 0, services: [], auth: NO_CALLERS, logger: silentLogger });
    try {
      server.setServing(false);
      expect(await probe('grpc-health-check.cjs', server.port)).toBe(1);
      server.setServing(true);
      expect(await probe('grpc-health-check.cjs', server.port)).toBe(0);
    } finally {
      await server.close();
    }
  });

  describe('with the TLS settings of the role it checks', () => {
    let certs: DevCerts;
    beforeAll(() => {
      certs = makeDevCerts();
    });
    afterAll(() => certs.remove());

    const serveTls = (clientCa: boolean) =>
      startGrpcServer({
        host: '127.0.0.1',
        port: 0,
        services: [],
        auth: NO_CALLERS,
        logger: silentLogger,
        tls: {
          certChain: certs.read('user-service.crt'),
          privateKey: certs.read('user-service.key'),
          ...(clientCa ? { clientCa: certs.read('ca.crt') } : {}),
        },
      });
    const roleEnv = (withCa: boolean) => ({
      GRPC_TLS_CERT_FILE: certs.path('user-service.crt'),
      GRPC_TLS_KEY_FILE: certs.path('user-service.key'),
      ...(withCa ? { GRPC_TLS_CA_FILE: certs.path('ca.crt') } : {}),
    });

    it('passes against an mTLS listener, showing the role\'s own certificate', async () => {
      const server = await serveTls(true);
      try {
        expect(await probe('grpc-health-check.cjs', server.port, roleEnv(true))).toBe(0);
        expect(await probe('grpc-health-check.cjs', server.port)).toBe(1);
      } finally {
        await server.close();
      }
    });

    it('passes against a TLS listener without client certificates', async () => {
      const server = await serveTls(false);
      try {
        expect(await probe('grpc-health-check.cjs', server.port, roleEnv(false))).toBe(0);
      } finally {
        await server.close();
      }
    });
  });
});

import { readFileSync } from 'node:fs';
import { credentials, makeClientConstructor, status as GrpcStatus, type ChannelCredentials, type ServiceError } from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import { connect } from 'node:net';
import type { RoleProcess } from './role-process';
import type { GrpcClientTlsFiles } from './sut-endpoints';

const POLL_MS = 200;

/** True once `probe` says so; fails with the process's output when it exits first or time runs out. */
export const waitUntilReady = async (
  child: RoleProcess,
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.hasExited) throw new Error(child.describe(`exited before ${what} was ready`));
    if (await probe()) {
      child.markReady();
      return;
    }
    if (child.hasExited) throw new Error(child.describe(`exited before ${what} was ready`));
    if (Date.now() > deadline) throw new Error(child.describe(`did not make ${what} ready within ${timeoutMs} ms`));
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
};

/** GET {httpUrl}/health answers 200. */
export const httpHealthy = async (httpUrl: string): Promise<boolean> => {
  try {
    const response = await fetch(`${httpUrl}/health`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
};

const tcpAccepts = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

/** Plaintext, or mTLS with the given files. */
export const grpcChannelCredentials = (tls: GrpcClientTlsFiles | undefined): ChannelCredentials =>
  tls === undefined
    ? credentials.createInsecure()
    : credentials.createSsl(readFileSync(tls.caFile), readFileSync(tls.keyFile), readFileSync(tls.certFile));

const HealthClient = makeClientConstructor(healthService as never, 'Health');
const SERVING = 1;

/**
 * The gRPC server accepts connections and its health service (when it has one) says
 * SERVING for the whole server; a server without the health service (or without an entry for
 * the whole server) counts once it answers.
 */
export const grpcServing = async (host: string, port: number, tls?: GrpcClientTlsFiles): Promise<boolean> => {
  if (!(await tcpAccepts(host, port))) return false;
  const client = new HealthClient(`${host}:${port}`, grpcChannelCredentials(tls));
  try {
    return await new Promise<boolean>((resolve) => {
      const check = (client as unknown as Record<string, (...args: unknown[]) => void>).check;
      check?.call(client, { service: '' }, { deadline: Date.now() + 2_000 }, (error: ServiceError | null, reply?: { status?: unknown }) => {
        if (error) resolve(error.code === GrpcStatus.UNIMPLEMENTED || error.code === GrpcStatus.NOT_FOUND);
        else resolve(reply?.status === 'SERVING' || reply?.status === SERVING);
      });
    });
  } finally {
    client.close();
  }
};

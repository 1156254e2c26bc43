import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RoleProcess } from '../role-process';
import type { SutEndpoints } from '../sut-endpoints';

/** A started deployment: where clients reach it, and how to stop every process of it. */
export interface RunningTarget {
  readonly endpoints: SutEndpoints;
  /** Its processes in start order, for tests that stop or restart one (`RoleProcess.name` tells them apart). */
  readonly processes: readonly RoleProcess[];
  stop(): Promise<void>;
  /** Synchronous SIGKILL of every process, for when the harness process exits abruptly. */
  killNow(): void;
}

export interface TargetOptions {
  /** The repository root (jest's rootDir). */
  readonly rootDir: string;
  readonly startTimeoutMs: number;
  readonly logLevel: string;
  /** Extra environment for every process of the target, over the target's own (e.g. MONGO_URL). */
  readonly env?: Readonly<Record<string, string>>;
  /** Run every gRPC channel with mTLS, certificates from scripts/dev-certs.sh (targets with gRPC only). */
  readonly grpcTls?: boolean;
  /** Chat-service processes of a split target (default 1): `chat-service`, `chat-service-2`, ...; gateways dial them as a list. */
  readonly chatReplicas?: number;
  /** Environment of a split target's gateway by index (`gateway-1` is 0), over `env`: gateways that differ, e.g. in REQUEST_DEADLINE_MS. */
  readonly gatewayEnv?: readonly Readonly<Record<string, string>>[];
}

/** The compiled entry point; `npm test` builds it, a bare `npx jest` needs `npm run build` first. */
export const compiledMain = (rootDir: string): string => {
  const mainPath = join(rootDir, 'dist', 'src', 'main.js');
  if (!existsSync(mainPath)) {
    throw new Error(`${mainPath} does not exist: run \`npm run build\` first (npm test builds before testing).`);
  }
  return mainPath;
};

export const gatewayEndpoint = (host: string, port: number, metricsPort?: number) => ({
  httpUrl: `http://${host}:${port}`,
  wsUrl: `ws://${host}:${port}/ws/chat`,
  ...(metricsPort === undefined ? {} : { metricsUrl: `http://${host}:${metricsPort}` }),
});

/** Bundles processes into a target; stops them in reverse start order. */
export const runningTarget = (
  endpoints: SutEndpoints,
  processes: readonly RoleProcess[],
  releaseResources: () => Promise<void> = async () => {},
): RunningTarget => ({
  endpoints,
  processes,
  stop: async () => {
    for (const child of [...processes].reverse()) await child.stop();
    await releaseResources();
  },
  killNow: () => processes.forEach((child) => child.killNow()),
});

/** Stops what was started when a later step fails, then rethrows. */
export const stopAllOnFailure = async <T>(processes: readonly RoleProcess[], step: () => Promise<T>): Promise<T> => {
  try {
    return await step();
  } catch (error) {
    await Promise.all(processes.map((child) => child.stop()));
    throw error;
  }
};

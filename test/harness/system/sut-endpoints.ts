/** The deployments the system suite runs against (`binary`: the monolith as one executable); jest's `globals.SUT` names one per project. */
export const SUT_NAMES = ['monolith', 'split', 'binary'] as const;
export type SutName = (typeof SUT_NAMES)[number];

/** One client-facing entry point: a monolith, or one gateway of the split deployment. */
export interface GatewayEndpoint {
  readonly httpUrl: string;
  readonly wsUrl: string;
  /** `http://host:port` of its metrics listener (GET /metrics), where the target set one. */
  readonly metricsUrl?: string;
}

/** PEM files a client needs to reach services that run mTLS: the CA, and a client certificate and key. */
export interface GrpcClientTlsFiles {
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

/** The gRPC services behind the gateways, where a target has them (`host:port`). */
export interface GrpcServiceEndpoints {
  readonly usersGrpcAddress: string;
  readonly chatGrpcAddress: string;
  /** Set when the services run mTLS: a gateway's client certificate, as an insider on their network holds one. */
  readonly tls?: GrpcClientTlsFiles;
}

/** What a started target publishes to the test files. */
export interface SutEndpoints {
  readonly gateways: readonly GatewayEndpoint[];
  /**
   * Set by targets that run gRPC services; specs under test/contract/system/grpc/ use it, and
   * only projects whose target has the `grpc` capability run them (jest.config.js).
   */
  readonly grpcServices?: GrpcServiceEndpoints;
}

export const isSutName = (value: unknown): value is SutName => SUT_NAMES.includes(value as SutName);

/**
 * The environment variable a target's endpoints travel in, from the jest globalSetup
 * (parent process) to the test files (in band, or in workers forked after it ran).
 * One key per target, because jest runs every selected project's globalSetup first.
 */
export const sutEnvKey = (sut: SutName): string => `CHATTERROOM_SUT_${sut.toUpperCase()}`;

export const publishEndpoints = (sut: SutName, endpoints: SutEndpoints): void => {
  process.env[sutEnvKey(sut)] = JSON.stringify(endpoints);
};

export const unpublishEndpoints = (sut: SutName): void => {
  delete process.env[sutEnvKey(sut)];
};

export const readEndpoints = (sut: SutName): SutEndpoints => {
  const raw = process.env[sutEnvKey(sut)];
  if (raw === undefined) {
    throw new Error(
      `${sutEnvKey(sut)} is not set: the system target "${sut}" was not started. ` +
        `Run the suite through its jest project (npx jest --selectProjects system:${sut}).`,
    );
  }
  return JSON.parse(raw) as SutEndpoints;
};

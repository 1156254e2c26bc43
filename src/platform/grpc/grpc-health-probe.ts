import { Client, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import type { ReadinessCheck } from '@chatterroom/kernel';
import { GRPC_CHANNEL_OPTIONS } from './grpc-channel-options';
import { grpcTargetsOf } from './grpc-targets';
import { channelCredentialsOf, type GrpcClientTls } from './grpc-tls';
import { PROTO_LOADER_OPTIONS } from './proto-files';

const healthCheck = () => {
  const definition = loadSync(healthProtoPath, PROTO_LOADER_OPTIONS)['grpc.health.v1.Health'] as Record<string, {
    path: string;
    requestSerialize: (value: object) => Buffer;
    responseDeserialize: (bytes: Buffer) => { status?: string | number };
  }>;
  const check = definition.Check;
  if (check === undefined) throw new Error('grpc.health.v1.Health has no Check');
  return check;
};

/**
 * A readiness check of a gRPC service: asks the standard health service of each target of
 * `address` (the same forms the service's client dials) about the whole server; up when at
 * least one answers SERVING. Its own channels, closed by `close`.
 */
export class GrpcHealthProbe implements ReadinessCheck {
  private readonly channels: readonly Client[];
  private readonly check = healthCheck();

  constructor(
    readonly name: string,
    address: string,
    tls?: GrpcClientTls,
  ) {
    const targets = grpcTargetsOf(address);
    if (targets === undefined) throw new Error(`not a gRPC address: "${address}"`);
    this.channels = targets.map((target) => new Client(target, channelCredentialsOf(tls), GRPC_CHANNEL_OPTIONS));
  }

  async probe(): Promise<void> {
    const answers = await Promise.all(this.channels.map((channel) => this.statusOf(channel)));
    if (!answers.includes('SERVING')) throw new Error(`${this.name}: ${[...new Set(answers)].join(', ')}`);
  }

  close(): void {
    for (const channel of this.channels) channel.close();
  }

  private statusOf(channel: Client): Promise<string> {
    return new Promise((resolve) => {
      channel.makeUnaryRequest(
        this.check.path,
        this.check.requestSerialize,
        this.check.responseDeserialize,
        { service: '' },
        { deadline: Date.now() + 2_000 },
        (error: ServiceError | null, reply?: { status?: string | number }) => {
          if (error) resolve(error.details || `gRPC status ${error.code}`);
          else resolve(reply?.status === 'SERVING' || reply?.status === 1 ? 'SERVING' : String(reply?.status ?? 'UNKNOWN'));
        },
      );
    });
  }
}

import { Client, type Metadata, type ServiceError } from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { Logger } from '../../../modules/kernel';
import type { GrpcCallCredentials } from './grpc-call-credentials';
import { GRPC_CHANNEL_OPTIONS } from './grpc-channel-options';
import { domainErrorFromGrpc, isTransientTransportFailure } from './grpc-client-errors';
import { channelCredentialsOf, type GrpcClientTls } from './grpc-tls';
import type { ProtoService } from './proto-files';

export interface GrpcUnaryClientOptions {
  /** `host:port` of the service. */
  readonly address: string;
  readonly proto: ProtoService;
  /** Names the service in SERVICE_UNAVAILABLE messages, e.g. `User service`. */
  readonly serviceLabel: string;
  /** Deadline of one call, retries included. */
  readonly deadlineMs: number;
  readonly logger: Logger;
  /** The credential each call carries (a forwarded user token, or this service's identity). */
  readonly callCredentials: GrpcCallCredentials;
  /** TLS of the channel; plaintext when left out. */
  readonly tls?: GrpcClientTls;
  /** Attempts of a retryable call (default 3). */
  readonly maxAttempts?: number;
  /** Pause before retry n is n times this (default 50 ms). */
  readonly retryBackoffMs?: number;
}

export interface GrpcCallOptions {
  /** True only when repeating the call cannot do anything twice (reads, idempotent writes, keyed sends). */
  readonly retryable: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls the unary RPCs of one service over one channel. Every call has a deadline; a
 * retryable call is repeated, with a small backoff and within that deadline, while the
 * service is unreachable (UNAVAILABLE from the transport, not from the server). Failures
 * are rethrown as the DomainError the server threw, or SERVICE_UNAVAILABLE. Each call carries
 * the metadata of `callCredentials`, taken when the call starts (so in the caller's request).
 */
export class GrpcUnaryClient {
  private readonly client: Client;

  constructor(private readonly options: GrpcUnaryClientOptions) {
    this.client = new Client(options.address, channelCredentialsOf(options.tls), GRPC_CHANNEL_OPTIONS);
  }

  async call<TResponse>(method: string, request: object, callOptions: GrpcCallOptions): Promise<TResponse> {
    const definition = this.options.proto.definition[method] as MethodDefinition<object, TResponse> | undefined;
    if (definition === undefined) throw new Error(`${this.options.proto.serviceName} has no method ${method}`);
    const maxAttempts = callOptions.retryable ? (this.options.maxAttempts ?? 3) : 1;
    const backoffMs = this.options.retryBackoffMs ?? 50;
    const deadline = Date.now() + this.options.deadlineMs;
    const metadata = this.options.callCredentials();
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(definition, request, metadata, deadline);
      } catch (error) {
        const pause = backoffMs * attempt;
        if (attempt >= maxAttempts || !isTransientTransportFailure(error) || Date.now() + pause >= deadline) {
          throw domainErrorFromGrpc(error, this.options.serviceLabel);
        }
        this.options.logger.debug({ method: definition.path, attempt }, 'gRPC service unavailable, retrying');
        await sleep(pause);
      }
    }
  }

  /** Closes the channel; later calls fail. */
  close(): void {
    this.client.close();
  }

  private attempt<TResponse>(
    definition: MethodDefinition<object, TResponse>,
    request: object,
    metadata: Metadata,
    deadline: number,
  ): Promise<TResponse> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        definition.path,
        definition.requestSerialize,
        definition.responseDeserialize,
        request,
        metadata.clone(),
        { deadline },
        (error: ServiceError | null, response?: TResponse) => (error || response === undefined ? reject(error) : resolve(response)),
      );
    });
  }
}

import { Client, connectivityState, type Metadata, type ServiceError } from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import { context } from '@opentelemetry/api';
import { deadlineExceeded, DomainError, RequestDeadline, RequestId, type Logger } from '@chatterroom/kernel';
import { inSpan, outgoingTraceHeaders, SpanKind } from '../tracing/trace-context';
import type { GrpcCallCredentials } from './grpc-call-credentials';
import { GRPC_CHANNEL_OPTIONS } from './grpc-channel-options';
import { domainErrorFromGrpc, isNeverSent, isServerReply, isServiceError, isTransientTransportFailure } from './grpc-client-errors';
import { grpcTargetsOf } from './grpc-targets';
import { GrpcChannelSet, systemLookup, type LookupAddresses } from './grpc-channel-set';
import { grpcClientCallDuration } from '../metrics/grpc-metrics';
import { channelCredentialsOf, type GrpcClientTls } from './grpc-tls';
import type { ProtoService } from './proto-files';

export interface GrpcUnaryClientOptions {
  /** `host:port`, `dns:///host:port`, or a comma-separated list of them (see grpc-targets). */
  readonly address: string;
  readonly proto: ProtoService;
  /** Names the service in SERVICE_UNAVAILABLE messages, e.g. `User service`. */
  readonly serviceLabel: string;
  /** Deadline of one call, retries included; a request's own deadline ({@link RequestDeadline}) shortens it. */
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
  /** How `dns:///` names are resolved into replicas (default: the system resolver). */
  readonly lookupAddresses?: LookupAddresses;
}

/** The metadata key carrying the id of the request a call serves (from the client's X-Request-Id). */
export const REQUEST_ID_METADATA_KEY = 'x-request-id';

export interface GrpcCallOptions {
  /** True only when repeating the call cannot do anything twice (reads, idempotent writes, keyed sends). */
  readonly retryable: boolean;
  /**
   * The error to throw when the call failed without an answer after it may have reached a
   * server (its deadline passed, the connection dropped): the caller cannot know whether it
   * ran. Left out: SERVICE_UNAVAILABLE, as for a call that never left.
   */
  readonly outcomeUnknown?: () => DomainError;
  /** This call's deadline (epoch ms) when the caller knows it; else the request's ({@link RequestDeadline}). */
  readonly deadline?: number;
  /**
   * Calls with the same affinity go to the same channel while it is not failing (see
   * {@link affinityIndex}; a `dns:///` name has a channel per replica), for example a
   * conversation's sends to one chat-service replica, where they share its group commits
   * instead of contending with another replica. Left out: round-robin.
   */
  readonly affinity?: string;
}

/** The call may have run on a server that never answered (not a server's reply, not a call that never left). */
const mayHaveRun = (error: unknown): boolean => isServiceError(error) && !isServerReply(error) && !isNeverSent(error);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The target of `count` that `affinity` maps to: FNV-1a of its UTF-16 code units, so every gateway maps a key alike. */
export const affinityIndex = (affinity: string, count: number): number => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < affinity.length; index += 1) {
    hash ^= affinity.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
};

/**
 * Calls the unary RPCs of one service. Every call has a deadline, the earlier of `deadlineMs`
 * from now and the request's own ({@link RequestDeadline}; a call whose request deadline has
 * passed is not made: DEADLINE_EXCEEDED, nothing ran). A call that may have run without
 * answering fails with its `outcomeUnknown` error when it has one. A retryable call is
 * repeated, with a small backoff and within that deadline, while the service is unreachable
 * (UNAVAILABLE from the transport, not from the server). Failures are rethrown as the
 * DomainError the server threw, or SERVICE_UNAVAILABLE. Each call carries the metadata of
 * `callCredentials`, taken when the call starts (so in the caller's request).
 *
 * Each target of the address gets its own channel, balancing round-robin over every address
 * its name resolves to; a `dns:///` target gets a channel per address ({@link GrpcChannelSet}).
 * Calls go to the channels in turn, or, with an `affinity`, to the channel
 * it maps to; either skips a channel that is failing while another is not, and a call that never
 * left this process (no connection established) moves on to the next channel even when it is not
 * retryable, since no server saw it.
 */
export class GrpcUnaryClient {
  private readonly channelSet: GrpcChannelSet;
  private next = 0;

  constructor(private readonly options: GrpcUnaryClientOptions) {
    const targets = grpcTargetsOf(options.address);
    if (targets === undefined) throw new Error(`not a gRPC address: "${options.address}"`);
    const credentials = channelCredentialsOf(options.tls);
    this.channelSet = new GrpcChannelSet(
      targets,
      (target, extra) => new Client(target, credentials, { ...GRPC_CHANNEL_OPTIONS, ...extra }),
      options.lookupAddresses ?? systemLookup,
      options.logger,
    );
  }

  /** Resolves the `dns:///` names of the address now (tests; the client resolves them by itself). */
  resolveNow(): Promise<void> {
    return this.channelSet.resolveNow();
  }

  async call<TResponse>(method: string, request: object, callOptions: GrpcCallOptions): Promise<TResponse> {
    const path = `${this.options.proto.serviceName}/${method}`;
    const timer = grpcClientCallDuration.startTimer({ method: path });
    try {
      const response = await inSpan(path, SpanKind.CLIENT, context.active(), () => this.callWithRetries<TResponse>(method, request, callOptions));
      timer({ code: 'OK' });
      return response;
    } catch (error) {
      timer({ code: error instanceof DomainError ? error.code : 'INTERNAL_ERROR' });
      throw error;
    }
  }

  private async callWithRetries<TResponse>(method: string, request: object, callOptions: GrpcCallOptions): Promise<TResponse> {
    const definition = this.options.proto.definition[method] as MethodDefinition<object, TResponse> | undefined;
    if (definition === undefined) throw new Error(`${this.options.proto.serviceName} has no method ${method}`);
    const channelCount = this.channelSet.channels().length;
    const maxAttempts = callOptions.retryable ? Math.max(this.options.maxAttempts ?? 3, channelCount) : channelCount;
    const backoffMs = this.options.retryBackoffMs ?? 50;
    const deadline = Math.min(Date.now() + this.options.deadlineMs, callOptions.deadline ?? RequestDeadline.current() ?? Infinity);
    if (deadline <= Date.now()) throw deadlineExceeded(`The call to the ${this.options.serviceLabel.toLowerCase()}`);
    let maybeRan = false;
    const metadata = this.options.callCredentials();
    for (const [key, value] of Object.entries(outgoingTraceHeaders())) metadata.set(key, value);
    const requestId = RequestId.current();
    if (requestId !== undefined) metadata.set(REQUEST_ID_METADATA_KEY, requestId);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(this.pick(callOptions.affinity, attempt), definition, request, metadata, deadline);
      } catch (error) {
        maybeRan ||= mayHaveRun(error);
        const again = callOptions.retryable ? isTransientTransportFailure(error) : isNeverSent(error);
        const pause = backoffMs * attempt;
        if (attempt >= maxAttempts || !again || Date.now() + pause >= deadline) {
          throw (maybeRan ? callOptions.outcomeUnknown?.() : undefined) ?? domainErrorFromGrpc(error, this.options.serviceLabel);
        }
        this.options.logger.debug({ method: definition.path, attempt }, 'gRPC service unavailable, retrying');
        await sleep(pause);
      }
    }
  }

  /**
   * The first channel that is not failing, from the next in turn, or, with an affinity, from the
   * one it maps to (moved on by one per attempt, so a retry tries another); that first one when all are failing.
   */
  private pick(affinity: string | undefined, attempt: number): Client {
    const channels = this.channelSet.channels();
    const count = channels.length;
    const first = (affinity === undefined ? this.next : affinityIndex(affinity, count) + attempt - 1) % count;
    let chosen = first;
    for (let offset = 0; offset < count; offset += 1) {
      const index = (first + offset) % count;
      if ((channels[index] as Client).getChannel().getConnectivityState(false) !== connectivityState.TRANSIENT_FAILURE) {
        chosen = index;
        break;
      }
      this.channelSet.channelFailing();
    }
    if (affinity === undefined) this.next = (chosen + 1) % count;
    return channels[chosen] as Client;
  }

  /** Closes the channels; later calls fail. */
  close(): void {
    this.channelSet.close();
  }

  private attempt<TResponse>(
    client: Client,
    definition: MethodDefinition<object, TResponse>,
    request: object,
    metadata: Metadata,
    deadline: number,
  ): Promise<TResponse> {
    return new Promise((resolve, reject) => {
      client.makeUnaryRequest(
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

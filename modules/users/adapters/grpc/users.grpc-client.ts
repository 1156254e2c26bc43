import type { Logger } from '@chatterroom/kernel';
import { GrpcUnaryClient, userServiceProto, type GrpcCallCredentials, type GrpcClientTls } from '@chatterroom/platform/grpc';
import type {
  AccessToken,
  AuthenticateUserInput,
  JsonWebKeySet,
  JwksProvider,
  ListSessionsInput,
  RedeemedWsTicket,
  RefreshSessionInput,
  SessionRef,
  SessionSummary,
  UserSessions,
  WsTicket,
  WsTicketInput,
  GetUserInput,
  GetUsersInput,
  RegisterUserInput,
  SearchUsersInput,
  UserAccounts,
  UserDirectory,
  UserRecord,
  UserSummary,
} from '../../contracts';
import {
  authenticateRequestOf,
  createUserRequestOf,
  getUserRequestOf,
  getUsersRequestOf,
  searchUsersRequestOf,
  userRecordOf,
  userSummariesOf,
  type CreateUserResponseMessage,
  type GetUserResponseMessage,
  type GetUsersResponseMessage,
} from './users.grpc-mapping';
import {
  accessTokenOf,
  issueWsTicketRequestOf,
  jwksOf,
  listSessionsRequestOf,
  redeemWsTicketRequestOf,
  redeemedTicketOf,
  refreshRequestOf,
  sessionRefMessageOf,
  sessionSummariesOf,
  wsTicketOf,
  type AuthenticateResponseMessage,
  type CheckSessionResponseMessage,
  type GetJwksResponseMessage,
  type IssueWsTicketResponseMessage,
  type ListSessionsResponseMessage,
  type RedeemWsTicketResponseMessage,
} from './sessions.grpc-mapping';

export interface GrpcUsersClientDeps {
  /** `host:port` of the user service (USERS_GRPC_ADDRESS). */
  readonly usersGrpcAddress: string;
  /** Deadline of each call, retries included (GRPC_DEADLINE_MS). */
  readonly grpcDeadlineMs: number;
  /** The credential each call carries: the gateway forwards the caller's token, a service shows its own identity. */
  readonly grpcCallCredentials: GrpcCallCredentials;
  /** TLS of the channel (GRPC_TLS_*); undefined = plaintext. */
  readonly grpcClientTls: GrpcClientTls | undefined;
  readonly logger: Logger;
}

/**
 * UserAccounts, UserDirectory, UserSessions and JwksProvider answered by the remote user service over gRPC
 * (proto/users.proto): one RPC per port method on one channel. Errors come back as the
 * service's own DomainErrors; an unreachable service is SERVICE_UNAVAILABLE. Reads
 * (GetUser, GetUsers, SearchUsers, and AuthenticateUser, which changes nothing) are retried while the service
 * is unreachable; CreateUser, RefreshSession (single use) and the writes of tickets are not,
 * since they may have run. RevokeSession is idempotent, so it is retried. Each call carries
 * `grpcCallCredentials`: the caller's token in a gateway, the service identity in a service.
 */
export class GrpcUsersClient implements UserAccounts, UserDirectory, UserSessions, JwksProvider {
  private readonly client: GrpcUnaryClient;

  constructor(deps: GrpcUsersClientDeps) {
    this.client = new GrpcUnaryClient({
      address: deps.usersGrpcAddress,
      proto: userServiceProto(),
      serviceLabel: 'User service',
      deadlineMs: deps.grpcDeadlineMs,
      callCredentials: deps.grpcCallCredentials,
      tls: deps.grpcClientTls,
      logger: deps.logger,
    });
  }

  async register(input: RegisterUserInput): Promise<UserRecord> {
    const request = createUserRequestOf(input);
    return userRecordOf(await this.client.call<CreateUserResponseMessage>('CreateUser', request, { retryable: false }));
  }

  async authenticate(input: AuthenticateUserInput): Promise<AccessToken> {
    const request = authenticateRequestOf(input);
    return accessTokenOf(await this.client.call<AuthenticateResponseMessage>('AuthenticateUser', request, { retryable: false }));
  }

  async refresh(input: RefreshSessionInput): Promise<AccessToken> {
    const request = refreshRequestOf(input);
    return accessTokenOf(await this.client.call<AuthenticateResponseMessage>('RefreshSession', request, { retryable: false }));
  }

  async revokeSession(input: SessionRef): Promise<void> {
    await this.client.call<object>('RevokeSession', sessionRefMessageOf(input), { retryable: true });
  }

  async listSessions(input: ListSessionsInput): Promise<SessionSummary[]> {
    const request = listSessionsRequestOf(input);
    return sessionSummariesOf(await this.client.call<ListSessionsResponseMessage>('ListSessions', request, { retryable: true }));
  }

  async isSessionActive(input: SessionRef): Promise<boolean> {
    const request = sessionRefMessageOf(input);
    return (await this.client.call<CheckSessionResponseMessage>('CheckSession', request, { retryable: true })).active;
  }

  async issueWsTicket(input: WsTicketInput): Promise<WsTicket> {
    const request = issueWsTicketRequestOf(input);
    return wsTicketOf(await this.client.call<IssueWsTicketResponseMessage>('IssueWsTicket', request, { retryable: false }));
  }

  async redeemWsTicket(input: { readonly ticket: string }): Promise<RedeemedWsTicket> {
    const request = redeemWsTicketRequestOf(input);
    return redeemedTicketOf(await this.client.call<RedeemWsTicketResponseMessage>('RedeemWsTicket', request, { retryable: false }));
  }

  async getJwks(): Promise<JsonWebKeySet> {
    return jwksOf(await this.client.call<GetJwksResponseMessage>('GetJwks', {}, { retryable: true }));
  }

  async getUser(input: GetUserInput): Promise<UserRecord> {
    const request = getUserRequestOf(input);
    return userRecordOf(await this.client.call<GetUserResponseMessage>('GetUser', request, { retryable: true }));
  }

  async getUsers(input: GetUsersInput): Promise<UserSummary[]> {
    const request = getUsersRequestOf(input);
    return userSummariesOf(await this.client.call<GetUsersResponseMessage>('GetUsers', request, { retryable: true }));
  }

  async searchUsers(input: SearchUsersInput): Promise<UserSummary[]> {
    const request = searchUsersRequestOf(input);
    return userSummariesOf(await this.client.call<GetUsersResponseMessage>('SearchUsers', request, { retryable: true }));
  }

  /** Closes the channel. */
  async close(): Promise<void> {
    this.client.close();
  }
}

import type { Logger } from '../../../kernel';
import { GrpcUnaryClient, userServiceProto, type GrpcCallCredentials, type GrpcClientTls } from '../../../../src/platform/grpc';
import type {
  AccessToken,
  AuthenticateUserInput,
  GetUserInput,
  GetUsersInput,
  RegisterUserInput,
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
  userRecordOf,
  userSummariesOf,
  type AuthenticateResponseMessage,
  type CreateUserResponseMessage,
  type GetUserResponseMessage,
  type GetUsersResponseMessage,
} from './users.grpc-mapping';

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
 * UserAccounts and UserDirectory answered by the remote user service over gRPC
 * (proto/users.proto): one RPC per port method on one channel. Errors come back as the
 * service's own DomainErrors; an unreachable service is SERVICE_UNAVAILABLE. Reads
 * (GetUser, GetUsers, and AuthenticateUser, which changes nothing) are retried while the service
 * is unreachable; CreateUser is not, since it may have run. Each call carries
 * `grpcCallCredentials`: the caller's token in a gateway, the service identity in a service.
 */
export class GrpcUsersClient implements UserAccounts, UserDirectory {
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
    const { token } = await this.client.call<AuthenticateResponseMessage>('AuthenticateUser', request, { retryable: true });
    return { token };
  }

  async getUser(input: GetUserInput): Promise<UserRecord> {
    const request = getUserRequestOf(input);
    return userRecordOf(await this.client.call<GetUserResponseMessage>('GetUser', request, { retryable: true }));
  }

  async getUsers(input: GetUsersInput): Promise<UserSummary[]> {
    const request = getUsersRequestOf(input);
    return userSummariesOf(await this.client.call<GetUsersResponseMessage>('GetUsers', request, { retryable: true }));
  }

  /** Closes the channel. */
  async close(): Promise<void> {
    this.client.close();
  }
}

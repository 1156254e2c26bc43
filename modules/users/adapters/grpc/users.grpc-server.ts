import { userServiceProto, type GrpcServiceBinding } from '../../../../src/platform/grpc';
import type { UserAccounts, UserDirectory } from '../../contracts';
import {
  getUsersResponseOf,
  userMessageOf,
  type AuthenticateRequestMessage,
  type AuthenticateResponseMessage,
  type CreateUserRequestMessage,
  type CreateUserResponseMessage,
  type GetUserRequestMessage,
  type GetUserResponseMessage,
  type GetUsersRequestMessage,
  type GetUsersResponseMessage,
} from './users.grpc-mapping';

export interface UsersGrpcServiceDeps {
  readonly userAccounts: UserAccounts;
  readonly userDirectory: UserDirectory;
}

/**
 * The UserService of proto/users.proto over the users module's inbound ports: each RPC
 * is one port call, requests and replies mapped field by field. Failures are the ports'
 * DomainErrors, which startGrpcServer turns into statuses with `x-error-code`.
 */
export const usersGrpcService = (deps: UsersGrpcServiceDeps): GrpcServiceBinding => ({
  proto: userServiceProto(),
  handlers: {
    CreateUser: async (request: CreateUserRequestMessage): Promise<CreateUserResponseMessage> =>
      userMessageOf(
        await deps.userAccounts.register({ username: request.username, email: request.email, password: request.password }),
      ),
    AuthenticateUser: async (request: AuthenticateRequestMessage): Promise<AuthenticateResponseMessage> =>
      deps.userAccounts.authenticate({ username: request.username, password: request.password }).then(({ token }) => ({ token })),
    GetUser: async (request: GetUserRequestMessage): Promise<GetUserResponseMessage> =>
      userMessageOf(await deps.userDirectory.getUser({ userId: request.userId })),
    GetUsers: async (request: GetUsersRequestMessage): Promise<GetUsersResponseMessage> =>
      getUsersResponseOf(await deps.userDirectory.getUsers({ userIds: request.userIds })),
  },
});

import { userIdOf, userServiceProto, type GrpcCaller, type GrpcServiceBinding } from '../../../../src/platform/grpc';
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
import { USERS_GRPC_ACCESS } from './users.grpc-access';

export interface UsersGrpcServiceDeps {
  readonly userAccounts: UserAccounts;
  readonly userDirectory: UserDirectory;
}

/**
 * The UserService of proto/users.proto over the users module's inbound ports: each RPC
 * is one port call, requests and replies mapped field by field. Failures are the ports'
 * DomainErrors, which startGrpcServer turns into statuses with `x-error-code`. Who may
 * call what is USERS_GRPC_ACCESS; GetUser leaves the email empty unless the caller is its owner.
 */
export const usersGrpcService = (deps: UsersGrpcServiceDeps): GrpcServiceBinding => ({
  proto: userServiceProto(),
  access: USERS_GRPC_ACCESS,
  handlers: {
    CreateUser: async (request: CreateUserRequestMessage): Promise<CreateUserResponseMessage> =>
      userMessageOf(
        await deps.userAccounts.register({ username: request.username, email: request.email, password: request.password }),
      ),
    AuthenticateUser: async (request: AuthenticateRequestMessage): Promise<AuthenticateResponseMessage> =>
      deps.userAccounts.authenticate({ username: request.username, password: request.password }).then(({ token }) => ({ token })),
    GetUser: async (request: GetUserRequestMessage, caller: GrpcCaller): Promise<GetUserResponseMessage> => {
      const user = await deps.userDirectory.getUser({ userId: request.userId });
      return userMessageOf(userIdOf(caller) === user.userId ? user : { ...user, email: '' });
    },
    GetUsers: async (request: GetUsersRequestMessage): Promise<GetUsersResponseMessage> =>
      getUsersResponseOf(await deps.userDirectory.getUsers({ userIds: request.userIds })),
  },
});

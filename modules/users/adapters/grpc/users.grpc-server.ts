import { userIdOf, userServiceProto, type GrpcCaller, type GrpcServiceBinding } from '@chatterroom/platform/grpc';
import type { JwksProvider, UserAccounts, UserDirectory, UserSessions } from '../../contracts';
import {
  getUsersResponseOf,
  searchUsersInputOf,
  userMessageOf,
  type AuthenticateRequestMessage,
  type CreateUserRequestMessage,
  type CreateUserResponseMessage,
  type GetUserRequestMessage,
  type GetUserResponseMessage,
  type GetUsersRequestMessage,
  type GetUsersResponseMessage,
  type SearchUsersRequestMessage,
} from './users.grpc-mapping';
import { USERS_GRPC_ACCESS } from './users.grpc-access';
import {
  accessTokenMessageOf,
  listSessionsInputOf,
  redeemedTicketMessageOf,
  refreshInputOf,
  sessionSummaryMessagesOf,
  type AuthenticateResponseMessage,
  type CheckSessionResponseMessage,
  type GetJwksResponseMessage,
  type IssueWsTicketRequestMessage,
  type IssueWsTicketResponseMessage,
  type ListSessionsRequestMessage,
  type ListSessionsResponseMessage,
  type RedeemWsTicketRequestMessage,
  type RedeemWsTicketResponseMessage,
  type RefreshSessionRequestMessage,
  type SessionRefMessage,
} from './sessions.grpc-mapping';

export interface UsersGrpcServiceDeps {
  readonly userAccounts: UserAccounts;
  readonly userDirectory: UserDirectory;
  readonly userSessions: UserSessions;
  readonly jwksProvider: JwksProvider;
}

const nonEmpty = (value: string): string | undefined => (value === '' ? undefined : value);

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
    AuthenticateUser: async (request: AuthenticateRequestMessage): Promise<AuthenticateResponseMessage> => {
      const userAgent = nonEmpty(request.userAgent);
      const ip = nonEmpty(request.ip);
      const input = { username: request.username, password: request.password, ...(userAgent ? { userAgent } : {}), ...(ip ? { ip } : {}) };
      return accessTokenMessageOf(await deps.userAccounts.authenticate(input));
    },
    GetUser: async (request: GetUserRequestMessage, caller: GrpcCaller): Promise<GetUserResponseMessage> => {
      const user = await deps.userDirectory.getUser({ userId: request.userId });
      return userMessageOf(userIdOf(caller) === user.userId ? user : { ...user, email: '' });
    },
    GetUsers: async (request: GetUsersRequestMessage): Promise<GetUsersResponseMessage> =>
      getUsersResponseOf(await deps.userDirectory.getUsers({ userIds: request.userIds })),
    SearchUsers: async (request: SearchUsersRequestMessage): Promise<GetUsersResponseMessage> =>
      getUsersResponseOf(await deps.userDirectory.searchUsers(searchUsersInputOf(request))),
    RefreshSession: async (request: RefreshSessionRequestMessage): Promise<AuthenticateResponseMessage> =>
      accessTokenMessageOf(await deps.userSessions.refresh(refreshInputOf(request))),
    RevokeSession: async (request: SessionRefMessage): Promise<object> => {
      await deps.userSessions.revokeSession({ userId: request.userId, sessionId: request.sessionId });
      return {};
    },
    ListSessions: async (request: ListSessionsRequestMessage): Promise<ListSessionsResponseMessage> =>
      sessionSummaryMessagesOf(await deps.userSessions.listSessions(listSessionsInputOf(request))),
    GetJwks: async (): Promise<GetJwksResponseMessage> => deps.jwksProvider.getJwks(),
    CheckSession: async (request: SessionRefMessage): Promise<CheckSessionResponseMessage> => ({
      active: await deps.userSessions.isSessionActive({ userId: request.userId, sessionId: request.sessionId }),
    }),
    IssueWsTicket: async (request: IssueWsTicketRequestMessage): Promise<IssueWsTicketResponseMessage> =>
      deps.userSessions.issueWsTicket({ userId: request.userId, sessionId: request.sessionId, expiresAt: request.expiresAt }),
    RedeemWsTicket: async (request: RedeemWsTicketRequestMessage): Promise<RedeemWsTicketResponseMessage> =>
      redeemedTicketMessageOf(await deps.userSessions.redeemWsTicket({ ticket: request.ticket })),
  },
});

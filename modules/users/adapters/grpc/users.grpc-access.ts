import { RpcAccess, type GrpcAccessTable } from '@chatterroom/platform/grpc';

/**
 * Who may call each RPC of UserService. Registration and sign-in are open, as over HTTP.
 * Lookups need a signed-in user or another service (the chat service checks that
 * recipients exist); GetUser answers the email only to its owner (see the server).
 *
 * Sessions:
 * - RefreshSession is open: its caller holds only a refresh token (the access token has
 *   expired), which is itself the credential, checked and rotated by the service.
 * - RevokeSession, ListSessions and IssueWsTicket act for `userId`: a user only for
 *   themself (logout, the session list, a ticket of one's own session).
 * - GetJwks is open: it answers public keys only, and verifiers need them before they can
 *   check any user token (the chat service and gateways fetch them at start and on a new kid).
 * - CheckSession is open: verifiers call it while checking a token, so requiring a verified
 *   token would be circular; it answers only whether a (user id, session id) pair is live.
 * - SearchUsers, like GetUsers, needs a signed-in user or a service: anyone may find people to write to (summaries only).
 * - RedeemWsTicket is open: a socket opened with a ticket has no token yet; the single-use,
 *   short-lived ticket is the credential, and the answer is that session's claims and a
 *   fresh access token for it.
 */
export const USERS_GRPC_ACCESS: GrpcAccessTable = {
  CreateUser: RpcAccess.open(),
  AuthenticateUser: RpcAccess.open(),
  GetUser: RpcAccess.anyUser({ services: true }),
  GetUsers: RpcAccess.anyUser({ services: true }),
  RefreshSession: RpcAccess.open(),
  RevokeSession: RpcAccess.actingUser('userId'),
  ListSessions: RpcAccess.actingUser('userId'),
  GetJwks: RpcAccess.open(),
  CheckSession: RpcAccess.open(),
  IssueWsTicket: RpcAccess.actingUser('userId'),
  RedeemWsTicket: RpcAccess.open(),
  SearchUsers: RpcAccess.anyUser({ services: true }),
};

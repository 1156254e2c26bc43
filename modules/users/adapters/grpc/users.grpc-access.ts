import { RpcAccess, type GrpcAccessTable } from '../../../../src/platform/grpc';

/**
 * Who may call each RPC of UserService. Registration and sign-in are open, as over HTTP.
 * Lookups need a signed-in user or another service (the chat service checks that
 * recipients exist); GetUser answers the email only to its owner (see the server).
 */
export const USERS_GRPC_ACCESS: GrpcAccessTable = {
  CreateUser: RpcAccess.open(),
  AuthenticateUser: RpcAccess.open(),
  GetUser: RpcAccess.anyUser({ services: true }),
  GetUsers: RpcAccess.anyUser({ services: true }),
};

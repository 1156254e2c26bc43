import { usersGrpcService } from '@chatterroom/users/adapters/grpc/users.grpc-server';
import { createUserServiceContainer } from '@chatterroom/composition/user-service.container';
import type { AppLogger } from '@chatterroom/platform/logging/create-logger';
import type { UserServiceConfig } from './role-configs';
import type { RunningRole } from './running-role';
import { serveGrpc } from './serve-grpc';

/** The user service: chatterroom.users.v1.UserService over gRPC. */
export const startUserService = async (config: UserServiceConfig, logger: AppLogger): Promise<RunningRole> =>
  serveGrpc(await createUserServiceContainer(config, logger), usersGrpcService, config.grpcServer, config.grpcSecurity, logger, config);

import { chatGrpcService } from '@chatterroom/chat/adapters/grpc/chat.grpc-server';
import { createChatServiceContainer } from '@chatterroom/composition/chat-service.container';
import type { AppLogger } from '@chatterroom/platform/logging/create-logger';
import type { ChatServiceConfig } from './role-configs';
import type { RunningRole } from './running-role';
import { serveGrpc } from './serve-grpc';

/** The chat service: chatterroom.chat.v1.ChatService over gRPC. */
export const startChatService = async (config: ChatServiceConfig, logger: AppLogger): Promise<RunningRole> =>
  serveGrpc(await createChatServiceContainer(config, logger), chatGrpcService, config.grpcServer, config.grpcSecurity, logger, config);

import { chatServiceProto, GrpcUnaryClient } from '@chatterroom/platform/grpc';
import type { GrpcChatClientDeps } from './chat.grpc-client';

/** A unary client of the chat service's ChatService, as every chat gRPC client opens it. */
export const chatServiceChannel = (deps: GrpcChatClientDeps): GrpcUnaryClient =>
  new GrpcUnaryClient({
    address: deps.chatGrpcAddress,
    proto: chatServiceProto(),
    serviceLabel: 'Chat service',
    deadlineMs: deps.grpcDeadlineMs,
    callCredentials: deps.grpcCallCredentials,
    tls: deps.grpcClientTls,
    logger: deps.logger,
  });

import type { handleUnaryCall, UntypedServiceImplementation } from '@grpc/grpc-js';
import type { Logger } from '../../../modules/kernel';
import { grpcErrorReply } from './grpc-server-errors';
import type { ProtoService } from './proto-files';

/** One async function per RPC, keyed by the proto's method name (`CreateUser`). */
export type GrpcUnaryHandlers = Readonly<Record<string, (request: never) => Promise<object>>>;

/** A service a gRPC server offers: the proto it implements and its handlers. */
export interface GrpcServiceBinding {
  readonly proto: ProtoService;
  readonly handlers: GrpcUnaryHandlers;
}

const unary =
  (handler: (request: never) => Promise<object>, logger: Logger, method: string): handleUnaryCall<unknown, object> =>
  (call, callback) => {
    handler(call.request as never).then(
      (response) => callback(null, response),
      (error: unknown) => callback(grpcErrorReply(error, logger, method)),
    );
  };

/**
 * The grpc-js implementation of a binding: each handler wrapped so that its result is
 * the reply and its failure a status (see grpcErrorReply). Every RPC of the proto must
 * have a handler, so a forgotten one fails at start rather than as UNIMPLEMENTED later.
 */
export const grpcImplementation = (binding: GrpcServiceBinding, logger: Logger): UntypedServiceImplementation => {
  const implementation: UntypedServiceImplementation = {};
  for (const method of Object.keys(binding.proto.definition)) {
    const handler = binding.handlers[method];
    if (handler === undefined) throw new Error(`${binding.proto.serviceName} has no handler for ${method}`);
    implementation[method] = unary(handler, logger, `${binding.proto.serviceName}/${method}`);
  }
  return implementation;
};

import type { handleUnaryCall, UntypedServiceImplementation } from '@grpc/grpc-js';
import type { Logger } from '../../../modules/kernel';
import type { GrpcAccessRule, GrpcAccessTable, GrpcCaller } from './grpc-access';
import { authorizeCall, type GrpcCallAuthentication } from './grpc-call-guard';
import { grpcErrorReply } from './grpc-server-errors';
import type { ProtoService } from './proto-files';

/** A handler: the decoded request and the caller the credential check established. */
export type GrpcUnaryHandler = (request: never, caller: GrpcCaller) => Promise<object>;

/** One async function per RPC, keyed by the proto's method name (`CreateUser`). */
export type GrpcUnaryHandlers = Readonly<Record<string, GrpcUnaryHandler>>;

/** A service a gRPC server offers: the proto it implements, who may call each RPC, and its handlers. */
export interface GrpcServiceBinding {
  readonly proto: ProtoService;
  readonly access: GrpcAccessTable;
  readonly handlers: GrpcUnaryHandlers;
}

const unary =
  (handler: GrpcUnaryHandler, rule: GrpcAccessRule, auth: GrpcCallAuthentication, logger: Logger, method: string): handleUnaryCall<unknown, object> =>
  (call, callback) => {
    authorizeCall(method, rule, call.metadata, call.request, auth)
      .then((caller) => handler(call.request as never, caller))
      .then(
        (response) => callback(null, response),
        (error: unknown) => callback(grpcErrorReply(error, logger, method)),
      );
  };

/**
 * The grpc-js implementation of a binding: each call first passes the credential check of
 * its RPC's access rule (see authorizeCall), then its handler runs; the result is the reply
 * and a failure a status (see grpcErrorReply). Every RPC of the proto must have a handler
 * and an access rule, so a forgotten one fails at start rather than at the first call.
 */
export const grpcImplementation = (binding: GrpcServiceBinding, auth: GrpcCallAuthentication, logger: Logger): UntypedServiceImplementation => {
  const implementation: UntypedServiceImplementation = {};
  for (const method of Object.keys(binding.proto.definition)) {
    const handler = binding.handlers[method];
    const rule = binding.access[method];
    if (handler === undefined) throw new Error(`${binding.proto.serviceName} has no handler for ${method}`);
    if (rule === undefined) throw new Error(`${binding.proto.serviceName} has no access rule for ${method}`);
    implementation[method] = unary(handler, rule, auth, logger, `${binding.proto.serviceName}/${method}`);
  }
  return implementation;
};

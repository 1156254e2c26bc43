import { status, type handleUnaryCall, type UntypedServiceImplementation } from '@grpc/grpc-js';
import { RequestDeadline, RequestId, requireBeforeDeadline, type Logger } from '@chatterroom/kernel';
import { incomingContext, inSpan, SpanKind } from '../tracing/trace-context';
import { REQUEST_ID_METADATA_KEY } from './grpc-unary-client';
import type { CallAdmission } from './call-admission';
import type { GrpcAccessRule, GrpcAccessTable, GrpcCaller } from './grpc-access';
import { authorizeCall, type GrpcCallAuthentication } from './grpc-call-guard';
import { grpcErrorReply } from './grpc-server-errors';
import { grpcServerCallDuration } from '../metrics/grpc-metrics';
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

/** `logger` with `fields` added to every entry. */
const withFields = (logger: Logger, fields: object): Logger => ({
  info: (obj, msg) => logger.info({ ...fields, ...obj }, msg),
  warn: (obj, msg) => logger.warn({ ...fields, ...obj }, msg),
  error: (obj, msg) => logger.error({ ...fields, ...obj }, msg),
  debug: (obj, msg) => logger.debug({ ...fields, ...obj }, msg),
});

/** A call's deadline as epoch ms; undefined when the caller set none. */
const deadlineOf = (deadline: Date | number): number | undefined => {
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(at) ? at : undefined;
};

interface CallContext {
  readonly auth: GrpcCallAuthentication;
  readonly logger: Logger;
  readonly admission: CallAdmission;
}

const unary =
  (handler: GrpcUnaryHandler, rule: GrpcAccessRule, { auth, logger, admission }: CallContext, method: string): handleUnaryCall<unknown, object> =>
  (call, callback) => {
    const timer = grpcServerCallDuration.startTimer({ method });
    const [requestId] = call.metadata.get(REQUEST_ID_METADATA_KEY);
    const deadline = deadlineOf(call.getDeadline());
    const serve = () =>
      admission.run(deadline, method, () =>
        RequestDeadline.run(deadline, () =>
          inSpan(method, SpanKind.SERVER, incomingContext(call.metadata.getMap()), async () => {
            requireBeforeDeadline(deadline, Date.now(), method);
            const caller = await authorizeCall(method, rule, call.metadata, call.request, auth);
            return handler(call.request as never, caller);
          }),
        ),
      );
    const callLogger = typeof requestId === 'string' ? withFields(logger, { requestId }) : logger;
    (typeof requestId === 'string' ? RequestId.run(requestId, serve) : serve())
      .then(
        (response) => {
          timer({ code: 'OK' });
          callback(null, response);
        },
        (error: unknown) => {
          const reply = grpcErrorReply(error, callLogger, method);
          timer({ code: status[reply.code] ?? 'UNKNOWN' });
          callback(reply);
        },
      );
  };

/**
 * The grpc-js implementation of a binding: a call runs in its turn of `admission` (waiting
 * calls whose deadline passes are refused unstarted); a call whose deadline has already passed is
 * answered DEADLINE_EXCEEDED untouched; each call passes the credential check of its RPC's
 * access rule (see authorizeCall), then its handler runs inside the call's deadline
 * ({@link RequestDeadline}: its own gRPC calls get what is left, its sends check it); the result is the reply
 * and a failure a status (see grpcErrorReply). Every RPC of the proto must have a handler
 * and an access rule, so a forgotten one fails at start rather than at the first call.
 */
export const grpcImplementation = (binding: GrpcServiceBinding, context: CallContext): UntypedServiceImplementation => {
  const implementation: UntypedServiceImplementation = {};
  for (const method of Object.keys(binding.proto.definition)) {
    const handler = binding.handlers[method];
    const rule = binding.access[method];
    if (handler === undefined) throw new Error(`${binding.proto.serviceName} has no handler for ${method}`);
    if (rule === undefined) throw new Error(`${binding.proto.serviceName} has no access rule for ${method}`);
    implementation[method] = unary(handler, rule, context, `${binding.proto.serviceName}/${method}`);
  }
  return implementation;
};

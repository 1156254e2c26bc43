import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { isDomainError, type Logger } from '@chatterroom/kernel';
import {
  ERROR_CODE_METADATA_KEY,
  ERROR_KIND_METADATA_KEY,
  GRPC_STATUS_BY_KIND,
  INTERNAL_ERROR_CODE,
} from './grpc-error-table';

export type GrpcErrorReply = Pick<ServiceError, 'code' | 'details' | 'metadata'>;

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

const reply = (code: status, errorCode: string, kind: string, details: string): GrpcErrorReply => {
  const metadata = new Metadata();
  if (PRINTABLE_ASCII.test(errorCode)) metadata.set(ERROR_CODE_METADATA_KEY, errorCode);
  metadata.set(ERROR_KIND_METADATA_KEY, kind);
  return { code, details, metadata };
};

/**
 * The status a handler's failure is answered with: a DomainError keeps its code, kind and
 * message; anything else is logged and answered INTERNAL with a generic message.
 */
export const grpcErrorReply = (error: unknown, logger: Logger, method: string): GrpcErrorReply => {
  if (isDomainError(error)) {
    return reply(GRPC_STATUS_BY_KIND[error.kind], error.code, error.kind, error.message);
  }
  logger.error({ err: error, method }, 'gRPC handler failed unexpectedly');
  return reply(status.INTERNAL, INTERNAL_ERROR_CODE, 'internal', 'Internal error');
};

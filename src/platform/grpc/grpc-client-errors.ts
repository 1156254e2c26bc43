import { status, type ServiceError } from '@grpc/grpc-js';
import { DomainError } from '@chatterroom/kernel';
import {
  ERROR_CODE_METADATA_KEY,
  ERROR_KIND_METADATA_KEY,
  INTERNAL_ERROR_CODE,
  SERVICE_UNAVAILABLE_CODE,
  isErrorKind,
  kindForGrpcStatus,
} from './grpc-error-table';

export const isServiceError = (error: unknown): error is ServiceError =>
  error instanceof Error && typeof (error as Partial<ServiceError>).code === 'number';

const metadataString = (error: ServiceError, key: string): string | undefined => {
  const value = error.metadata?.get(key)[0];
  return typeof value === 'string' ? value : undefined;
};

/** True when the failure came from our server (it carries `x-error-code`), not from the transport. */
export const isServerReply = (error: ServiceError): boolean =>
  metadataString(error, ERROR_CODE_METADATA_KEY) !== undefined;

/** True for a failure worth retrying: the service could not be reached, and said nothing itself. */
export const isTransientTransportFailure = (error: unknown): boolean =>
  isServiceError(error) && error.code === status.UNAVAILABLE && !isServerReply(error);

/**
 * True when the call never left this process: no connection to any address of the channel
 * could be established, so no server saw it and it may go elsewhere even when not retryable.
 */
export const isNeverSent = (error: unknown): boolean =>
  isTransientTransportFailure(error) && /No connection established/.test((error as ServiceError).details ?? '');

/**
 * Rebuilds on the calling side the DomainError the server threw (same code, kind and
 * message). Transport failures become SERVICE_UNAVAILABLE naming `serviceLabel`.
 */
export const domainErrorFromGrpc = (error: unknown, serviceLabel: string): DomainError => {
  if (!isServiceError(error)) {
    return new DomainError(INTERNAL_ERROR_CODE, 'internal', `${serviceLabel} call failed`);
  }
  const code = metadataString(error, ERROR_CODE_METADATA_KEY);
  if (code !== undefined) {
    const kind = metadataString(error, ERROR_KIND_METADATA_KEY);
    return new DomainError(code, isErrorKind(kind) ? kind : kindForGrpcStatus(error.code), error.details);
  }
  if (error.code === status.UNAVAILABLE || error.code === status.DEADLINE_EXCEEDED) {
    return new DomainError(SERVICE_UNAVAILABLE_CODE, 'unavailable', `${serviceLabel} is unavailable`);
  }
  return new DomainError(INTERNAL_ERROR_CODE, 'internal', `${serviceLabel} failed: ${status[error.code] ?? error.code}`);
};

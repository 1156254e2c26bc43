import { status } from '@grpc/grpc-js';
import type { ErrorKind } from '@chatterroom/kernel';

/** Trailing metadata key carrying a DomainError's stable `code`. */
export const ERROR_CODE_METADATA_KEY = 'x-error-code';
/** Trailing metadata key carrying a DomainError's `kind`. */
export const ERROR_KIND_METADATA_KEY = 'x-error-kind';

/** The code of a failure the server did not expect; its message is generic, the real one is logged. */
export const INTERNAL_ERROR_CODE = 'INTERNAL_ERROR';
/** The code a client reports when it cannot reach its service (transport failure or deadline). */
export const SERVICE_UNAVAILABLE_CODE = 'SERVICE_UNAVAILABLE';

/** The one table from a DomainError kind to the gRPC status it travels as. */
export const GRPC_STATUS_BY_KIND: Readonly<Record<ErrorKind, status>> = {
  invalid: status.INVALID_ARGUMENT,
  unauthenticated: status.UNAUTHENTICATED,
  forbidden: status.PERMISSION_DENIED,
  'not-found': status.NOT_FOUND,
  conflict: status.ALREADY_EXISTS,
  unavailable: status.UNAVAILABLE,
  'rate-limited': status.RESOURCE_EXHAUSTED,
  gone: status.OUT_OF_RANGE,
  timeout: status.DEADLINE_EXCEEDED,
  internal: status.INTERNAL,
};

const ERROR_KINDS = Object.keys(GRPC_STATUS_BY_KIND) as ErrorKind[];

export const isErrorKind = (value: unknown): value is ErrorKind =>
  typeof value === 'string' && (ERROR_KINDS as string[]).includes(value);

/** The kind a status stands for when a reply carries no `x-error-kind` (the table read backwards). */
export const kindForGrpcStatus = (code: status): ErrorKind =>
  ERROR_KINDS.find((kind) => GRPC_STATUS_BY_KIND[kind] === code) ?? 'internal';

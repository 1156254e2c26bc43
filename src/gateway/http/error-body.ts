import { STATUS_CODES } from 'node:http';
import type { DomainError, ErrorKind } from '@chatterroom/kernel';

/** The one body every HTTP error has, on every route and in both deployments. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly error: string;
  readonly message: string;
  /** CHAT_SEND_OUTCOME_UNKNOWN: the idempotency key to send the message again with. */
  readonly clientMessageId?: string;
}

/** The one table from a {@link DomainError} kind to an HTTP status. */
export const HTTP_STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
  'rate-limited': 429,
  gone: 410,
  timeout: 504,
  internal: 500,
};

export const errorBody = (statusCode: number, code: string, message: string): ErrorBody => ({
  statusCode,
  code,
  error: STATUS_CODES[statusCode] ?? 'Error',
  message,
});

export const domainErrorBody = (error: DomainError): ErrorBody => {
  const body = errorBody(HTTP_STATUS_BY_KIND[error.kind] ?? 500, error.code, error.message);
  const clientMessageId = error.details?.clientMessageId;
  return clientMessageId === undefined ? body : { ...body, clientMessageId };
};

export const INTERNAL_ERROR_MESSAGE = 'An unexpected error occurred';

export const internalErrorBody = (): ErrorBody => errorBody(500, 'INTERNAL_ERROR', INTERNAL_ERROR_MESSAGE);

import { STATUS_CODES } from 'node:http';
import { isDomainError } from '@chatterroom/kernel';
import { domainErrorBody, errorBody, internalErrorBody, type ErrorBody } from './error-body';

/** Fastify's own failures that the API names with a stable code of its own. */
const FRAMEWORK_ERRORS: Readonly<Record<string, { code: string; message?: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The request body must be application/json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', message: 'The request body is not valid JSON' },
  FST_ERR_VALIDATION: { code: 'VALIDATION_FAILED' },
};

interface HttpLikeError {
  readonly statusCode?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
}

const clientStatusOf = (error: HttpLikeError): number | undefined =>
  typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : undefined;

const codeFromReason = (status: number): string =>
  (STATUS_CODES[status] ?? 'Error').toUpperCase().replace(/[^A-Z0-9]+/g, '_');

/**
 * Turns anything thrown while serving a request into the API's error body.
 * `exposed` is false when the real error was hidden behind INTERNAL_ERROR (log it).
 */
export const toErrorBody = (error: unknown): { body: ErrorBody; exposed: boolean } => {
  if (isDomainError(error)) return { body: domainErrorBody(error), exposed: error.kind !== 'internal' };
  const httpError = (typeof error === 'object' && error !== null ? error : {}) as HttpLikeError;
  const status = clientStatusOf(httpError);
  if (status === undefined) return { body: internalErrorBody(), exposed: false };
  const known = typeof httpError.code === 'string' ? FRAMEWORK_ERRORS[httpError.code] : undefined;
  const message = known?.message ?? (typeof httpError.message === 'string' ? httpError.message : codeFromReason(status));
  return { body: errorBody(status, known?.code ?? codeFromReason(status), message), exposed: true };
};

import { GraphQLError, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';
import { isDomainError, isRateLimited, silentLogger, type Logger } from '@chatterroom/kernel';
import { HTTP_STATUS_BY_KIND, INTERNAL_ERROR_MESSAGE } from '../http/error-body';
import { toErrorBody } from '../http/to-error-body';
import { codeOfUncodedError, GraphqlErrorCodes } from './graphql-errors';

/** One error as the client sees it, and the HTTP status it would have alone. */
interface DescribedError {
  readonly formatted: GraphQLFormattedError;
  readonly status: number;
}

/** What mercurius and fastify throw around a list of errors (MER_ERR_GQL_VALIDATION...). */
type WrappingError = Error & { readonly errors: unknown[]; readonly code?: unknown };

const MERCURIUS_VALIDATION = 'MER_ERR_GQL_VALIDATION';
const REQUEST_ERROR_STATUS = 400;

const logOf = (context: unknown): Logger => {
  const { log, app } = (context ?? {}) as { log?: Logger; app?: { log?: Logger } };
  return log ?? app?.log ?? silentLogger;
};

const formatted = (error: GraphQLError, message: string, code: string, more: Record<string, unknown> = {}): GraphQLFormattedError => {
  const { locations, path } = error.toJSON();
  return { message, ...(locations === undefined ? {} : { locations }), ...(path === undefined ? {} : { path }), extensions: { code, ...more } };
};

const asGraphqlError = (error: unknown): GraphQLError =>
  error instanceof GraphQLError ? error : new GraphQLError(String((error as Error)?.message ?? error), { originalError: error as Error });

const isWrapping = (error: unknown): error is WrappingError => error instanceof Error && Array.isArray((error as WrappingError).errors);

const internal = (error: GraphQLError, cause: unknown, log: Logger): DescribedError[] => {
  log.error({ err: cause }, 'GraphQL operation failed unexpectedly');
  return [{ formatted: formatted(error, INTERNAL_ERROR_MESSAGE, GraphqlErrorCodes.internal), status: 500 }];
};

const describe = (error: GraphQLError, log: Logger): DescribedError[] => {
  const original = error.originalError;
  if (isWrapping(original)) {
    if (original.code === MERCURIUS_VALIDATION) return original.errors.flatMap((inner) => describe(asGraphqlError(inner), log));
    const { body } = toErrorBody(original);
    const detail = (original.errors[0] as Error | undefined)?.message ?? body.message;
    return [{ formatted: formatted(error, detail, body.code), status: body.statusCode }];
  }
  if (isDomainError(original)) {
    if (original.kind === 'internal') return internal(error, original, log);
    if (original.kind === 'unavailable') log.warn({ err: original }, 'GraphQL operation failed');
    const more = { ...original.details, ...(isRateLimited(original) ? { retryAfterMs: original.retryAfterMs } : {}) };
    return [{ formatted: formatted(error, original.message, original.code, more), status: HTTP_STATUS_BY_KIND[original.kind] }];
  }
  const code = error.extensions?.code;
  if (typeof code === 'string') return [{ formatted: formatted(error, error.message, code), status: REQUEST_ERROR_STATUS }];
  if (original === undefined || original instanceof GraphQLError) {
    return [{ formatted: formatted(error, error.message, codeOfUncodedError(error.message)), status: REQUEST_ERROR_STATUS }];
  }
  const { body, exposed } = toErrorBody(original);
  if (!exposed) return internal(error, original, log);
  return [{ formatted: formatted(error, body.message, body.code), status: body.statusCode }];
};

/**
 * mercurius's errorFormatter: every error carries `extensions.code`, the same code HTTP
 * answers with (a DomainError's own, or GRAPHQL_* for documents refused before running).
 * An operation that ran answers 200 with its partial `data`; a refused document answers
 * 400 (or the framework's status) without `data`. Unexpected failures are logged and hidden.
 */
export const formatGraphqlErrors = (
  execution: ExecutionResult & { readonly errors: readonly GraphQLError[] },
  context: unknown,
): { statusCode: number; response: FormattedExecutionResult } => {
  const log = logOf(context);
  const described = execution.errors.flatMap((error) => describe(asGraphqlError(error), log));
  const errors = described.map((entry) => entry.formatted);
  if ('data' in execution) return { statusCode: 200, response: { data: execution.data ?? null, errors } };
  const statusCode = Math.max(REQUEST_ERROR_STATUS, ...described.map((entry) => entry.status));
  return { statusCode, response: { errors } };
};

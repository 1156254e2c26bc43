import { GraphQLError } from 'graphql';
import { isDomainError } from '@chatterroom/kernel';
import { INTERNAL_ERROR_MESSAGE } from '../http/error-body';

/** Codes of the errors GraphQL itself raises, next to the modules' own (in `extensions.code`). */
export const GraphqlErrorCodes = {
  parseFailed: 'GRAPHQL_PARSE_FAILED',
  validationFailed: 'GRAPHQL_VALIDATION_FAILED',
  tooDeep: 'GRAPHQL_QUERY_TOO_DEEP',
  tooComplex: 'GRAPHQL_QUERY_TOO_COMPLEX',
  introspectionDisabled: 'GRAPHQL_INTROSPECTION_DISABLED',
  tooManyRootFields: 'GRAPHQL_TOO_MANY_ROOT_FIELDS',
  tooManyAliases: 'GRAPHQL_TOO_MANY_ALIASES',
  tooManyExpensiveMutations: 'GRAPHQL_TOO_MANY_EXPENSIVE_MUTATIONS',
  subscriptionOverHttp: 'GRAPHQL_SUBSCRIPTION_OVER_HTTP',
  internal: 'INTERNAL_ERROR',
} as const;

/** An error GraphQL reports with `extensions.code`, for a document it refuses before running it. */
export const documentError = (message: string, code: string, nodes?: GraphQLError['nodes']): GraphQLError =>
  new GraphQLError(message, { nodes, extensions: { code } });

/** The code of a GraphQL error that carries none: a syntax error or a rule of the spec. */
export const codeOfUncodedError = (message: string): string =>
  message.startsWith('Syntax Error') ? GraphqlErrorCodes.parseFailed : GraphqlErrorCodes.validationFailed;

/** An error whose `extensions.code` GraphQL copies into the answer. */
class CodedError extends Error {
  constructor(
    message: string,
    readonly extensions: { readonly code: string },
  ) {
    super(message);
  }
}

/**
 * What a resolver throws where no error formatter runs (a subscription being set up):
 * a DomainError keeps its code and message, anything else becomes INTERNAL_ERROR.
 */
export const codedError = (error: unknown): Error => {
  if (error instanceof GraphQLError) return error;
  if (isDomainError(error) && error.kind !== 'internal') return new CodedError(error.message, { code: error.code });
  return new CodedError(INTERNAL_ERROR_MESSAGE, { code: GraphqlErrorCodes.internal });
};

import { parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { codeOfUncodedError, documentError } from '../graphql-errors';
import type { GraphqlOptions } from '../graphql-options';
import { refuseTooDeepSource } from '../limits/nesting-prescan';
import { gatewayValidationRules } from '../limits/validation-rules';

/**
 * mercurius's `preSubscriptionParsing` hook. mercurius runs subscriptions without
 * validating them; this holds them to the same rules as queries (the spec's, depth,
 * complexity, introspection, caps), checks nesting before parsing, and refuses the first
 * failure with its code.
 */
export const validateSubscription =
  (options: GraphqlOptions) =>
  async (schema: GraphQLSchema, source: string): Promise<void> => {
    refuseTooDeepSource(source, options.maxDepth);
    const [first] = validate(schema, parse(source), [...specifiedRules, ...gatewayValidationRules(options)]);
    if (first === undefined) return;
    throw typeof first.extensions.code === 'string' ? first : documentError(first.message, codeOfUncodedError(first.message), first.nodes);
  };

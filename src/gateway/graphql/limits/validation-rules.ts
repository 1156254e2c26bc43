import type { ValidationRule } from 'graphql';
import type { GraphqlOptions } from '../graphql-options';
import { noIntrospectionRule } from './no-introspection.rule';
import { operationCapsRule } from './operation-caps.rule';
import { queryLimitsRule } from './query-limits.rule';

/** The rules every operation must pass on top of the spec's, over HTTP and WebSocket alike. */
export const gatewayValidationRules = (options: GraphqlOptions, variables?: Readonly<Record<string, unknown>>): ValidationRule[] => [
  queryLimitsRule(options, variables),
  operationCapsRule(options),
  ...(options.introspection ? [] : [noIntrospectionRule]),
];

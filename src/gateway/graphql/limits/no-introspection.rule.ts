import type { ValidationRule } from 'graphql';
import { documentError, GraphqlErrorCodes } from '../graphql-errors';

/** Refuses `__schema` and `__type` (GRAPHQL_INTROSPECTION_DISABLED); `__typename` stays allowed. */
export const noIntrospectionRule: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(documentError('Introspection is disabled on this server', GraphqlErrorCodes.introspectionDisabled, [node]));
    }
  },
});

import { valueFromASTUntyped, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import { documentError, GraphqlErrorCodes } from '../graphql-errors';
import { operationSize } from './operation-size';

export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxComplexity: number;
}

const variableDefaults = (operation: OperationDefinitionNode): Record<string, unknown> =>
  Object.fromEntries(
    (operation.variableDefinitions ?? [])
      .filter((definition) => definition.defaultValue !== undefined)
      .map((definition) => [definition.variable.name.value, valueFromASTUntyped(definition.defaultValue!)]),
  );

/**
 * Refuses an operation nested deeper than `maxDepth` (GRAPHQL_QUERY_TOO_DEEP) or costing
 * more than `maxComplexity` (GRAPHQL_QUERY_TOO_COMPLEX), measured by {@link operationSize}
 * with the request's variables when they are known.
 */
export const queryLimitsRule =
  (limits: QueryLimits, variables?: Readonly<Record<string, unknown>>): ValidationRule =>
  (context) => ({
    OperationDefinition(operation) {
      const schema = context.getSchema();
      const root = schema.getRootType(operation.operation) ?? undefined;
      const size = operationSize(operation.selectionSet, root, {
        schema,
        fragments: (name) => context.getFragment(name),
        variables,
        variableDefaults: variableDefaults(operation),
      });
      if (size.depth > limits.maxDepth) {
        context.reportError(
          documentError(`The operation is ${size.depth} fields deep, deeper than the limit of ${limits.maxDepth}`, GraphqlErrorCodes.tooDeep, [operation]),
        );
      }
      if (size.cost > limits.maxComplexity) {
        context.reportError(
          documentError(`The operation costs ${size.cost}, more than the limit of ${limits.maxComplexity}`, GraphqlErrorCodes.tooComplex, [operation]),
        );
      }
    },
  });


import { Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { documentError, GraphqlErrorCodes } from '../graphql-errors';

export interface OperationCaps {
  readonly maxRootFields: number;
  readonly maxAliases: number;
  readonly maxExpensiveMutations: number;
}

/** Mutations that hash a password with bcrypt: the costly ones. */
export const EXPENSIVE_MUTATIONS: ReadonlySet<string> = new Set(['createUser', 'authenticate']);

/** The root fields of a selection, through fragments (each fragment followed once). */
const rootFields = (selectionSet: SelectionSetNode, fragment: (name: string) => FragmentDefinitionNode | null | undefined, seen = new Set<string>()) => {
  const fields: { name: string }[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) fields.push({ name: selection.name.value });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fields.push(...rootFields(selection.selectionSet, fragment, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const definition = fragment(selection.name.value);
      if (definition) fields.push(...rootFields(definition.selectionSet, fragment, seen));
    }
  }
  return fields;
};

/**
 * Caps what one operation may ask at once: root fields (GRAPHQL_TOO_MANY_ROOT_FIELDS),
 * aliases anywhere in the document (GRAPHQL_TOO_MANY_ALIASES), and the password-hashing
 * mutations createUser and authenticate (GRAPHQL_TOO_MANY_EXPENSIVE_MUTATIONS): fifty
 * aliased createUser calls in one request would make fifty bcrypt hashes.
 */
export const operationCapsRule =
  (caps: OperationCaps): ValidationRule =>
  (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias !== undefined) aliases += 1;
      },
      OperationDefinition(operation) {
        const fields = rootFields(operation.selectionSet, (name) => context.getFragment(name));
        if (fields.length > caps.maxRootFields) {
          context.reportError(
            documentError(`The operation has ${fields.length} root fields, more than the limit of ${caps.maxRootFields}`, GraphqlErrorCodes.tooManyRootFields, [operation]),
          );
        }
        const expensive = operation.operation === 'mutation' ? fields.filter((field) => EXPENSIVE_MUTATIONS.has(field.name)).length : 0;
        if (expensive > caps.maxExpensiveMutations) {
          context.reportError(
            documentError(
              `The operation calls createUser/authenticate ${expensive} times, more than the limit of ${caps.maxExpensiveMutations} per request`,
              GraphqlErrorCodes.tooManyExpensiveMutations,
              [operation],
            ),
          );
        }
      },
      Document: {
        leave(document) {
          if (aliases > caps.maxAliases) {
            context.reportError(
              documentError(`The document has ${aliases} aliases, more than the limit of ${caps.maxAliases}`, GraphqlErrorCodes.tooManyAliases, [document]),
            );
          }
        },
      },
    };
  };

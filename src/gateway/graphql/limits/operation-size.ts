import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { HISTORY_DEFAULT_LIMIT, HISTORY_MAX_LIMIT } from '@chatterroom/chat/contracts';

/** How many items a list without a `limit` argument (rooms, members) is assumed to hold. */
export const UNBOUNDED_LIST_ESTIMATE = 10;

export interface OperationSize {
  /** Deepest field nesting: `{ me { username } }` is 2. */
  readonly depth: number;
  /**
   * Every field costs 1, plus the cost of its selection times its list size: the `limit`
   * argument (default 50, at most 200) or {@link UNBOUNDED_LIST_ESTIMATE} for other lists.
   */
  readonly cost: number;
}

export interface SizeContext {
  readonly schema: GraphQLSchema;
  readonly fragments: (name: string) => FragmentDefinitionNode | null | undefined;
  /** The operation's variable values, when known; else a variable `limit` counts as its default. */
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly variableDefaults: Readonly<Record<string, unknown>>;
}

const NOTHING: OperationSize = { depth: 0, cost: 0 };

const limitOf = (field: FieldNode, context: SizeContext): number => {
  const argument = field.arguments?.find((arg) => arg.name.value === 'limit');
  let value: unknown = HISTORY_DEFAULT_LIMIT;
  if (argument?.value.kind === Kind.INT) value = Number(argument.value.value);
  else if (argument?.value.kind === Kind.VARIABLE) {
    const name = argument.value.name.value;
    value = context.variables?.[name] ?? context.variableDefaults[name] ?? HISTORY_DEFAULT_LIMIT;
  }
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), 1), HISTORY_MAX_LIMIT) : HISTORY_MAX_LIMIT;
};

const listSize = (definition: GraphQLField<unknown, unknown>, node: FieldNode, context: SizeContext): number => {
  if (!isListType(getNullableType(definition.type))) return 1;
  return definition.args.some((arg) => arg.name === 'limit') ? limitOf(node, context) : UNBOUNDED_LIST_ESTIMATE;
};

/**
 * Measures a selection of `parentType`. Introspection fields (`__schema`, `__typename`...)
 * count for nothing: they have their own switch. Unknown fields and fragment cycles are
 * skipped (the spec's rules report them).
 */
export const operationSize = (
  selectionSet: SelectionSetNode,
  parentType: GraphQLNamedType | undefined,
  context: SizeContext,
  visiting: ReadonlySet<string> = new Set(),
): OperationSize => {
  let depth = 0;
  let cost = 0;
  const add = (size: OperationSize) => {
    depth = Math.max(depth, size.depth);
    cost += size.cost;
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const definition = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[selection.name.value] : undefined;
      if (definition === undefined) continue;
      const inner = selection.selectionSet ? operationSize(selection.selectionSet, getNamedType(definition.type), context, visiting) : NOTHING;
      add({ depth: 1 + inner.depth, cost: 1 + listSize(definition, selection, context) * inner.cost });
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? context.schema.getType(selection.typeCondition.name.value) ?? undefined : parentType;
      add(operationSize(selection.selectionSet, type, context, visiting));
    } else {
      const name = selection.name.value;
      const fragment = context.fragments(name);
      if (fragment === null || fragment === undefined || visiting.has(name)) continue;
      const type = context.schema.getType(fragment.typeCondition.name.value) ?? undefined;
      add(operationSize(fragment.selectionSet, type, context, new Set([...visiting, name])));
    }
  }
  return { depth, cost };
};

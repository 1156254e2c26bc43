import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { GATEWAY_SCHEMA } from '../gateway.schema';
import { operationSize, UNBOUNDED_LIST_ESTIMATE } from './operation-size';

const schema = buildSchema(GATEWAY_SCHEMA);

const sizeOf = (source: string, variables?: Record<string, unknown>) => {
  const document = parse(source);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = new Map(
    document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])),
  );
  return operationSize(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, {
    schema,
    fragments: (name) => fragments.get(name),
    variables,
    variableDefaults: {},
  });
};

describe('operationSize', () => {
  it('counts each field once and the nesting of fields', () => {
    expect(sizeOf('{ me { userId username } }')).toEqual({ depth: 2, cost: 3 });
  });

  it('multiplies the selection of a history by its limit (default 50, at most 200)', () => {
    expect(sizeOf('{ privateHistory(userId: 1, limit: 4) { messageId sender { username } } }')).toEqual({ depth: 3, cost: 1 + 4 * 3 });
    expect(sizeOf('{ privateHistory(userId: 1) { messageId } }').cost).toBe(1 + 50);
    expect(sizeOf('{ privateHistory(userId: 1, limit: 5000) { messageId } }').cost).toBe(1 + 200);
    expect(sizeOf('query($n: Int) { privateHistory(userId: 1, limit: $n) { messageId } }', { n: 7 }).cost).toBe(1 + 7);
  });

  it('multiplies other lists by a fixed estimate, nested lists by both', () => {
    expect(sizeOf('{ rooms { roomId messages(limit: 2) { messageId } } }')).toEqual({
      depth: 3,
      cost: 1 + UNBOUNDED_LIST_ESTIMATE * (1 + (1 + 2 * 1)),
    });
  });

  it('follows fragments and inline fragments, counts aliases apart and skips introspection', () => {
    expect(sizeOf('{ a: me { ...U } b: me { ... on User { userId } } __typename } fragment U on User { userId username }')).toEqual({
      depth: 2,
      cost: 3 + 2,
    });
    expect(sizeOf('{ __schema { types { fields { name } } } }')).toEqual({ depth: 0, cost: 0 });
  });

  it('does not loop on a fragment that spreads itself', () => {
    expect(sizeOf('{ me { ...U } } fragment U on User { userId ...U }')).toEqual({ depth: 2, cost: 2 });
  });
});

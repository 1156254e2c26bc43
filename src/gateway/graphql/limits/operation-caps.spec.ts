import { buildSchema, parse, validate } from 'graphql';
import { GATEWAY_SCHEMA } from '../gateway.schema';
import { operationCapsRule } from './operation-caps.rule';

const schema = buildSchema(GATEWAY_SCHEMA);
const caps = { maxRootFields: 3, maxAliases: 2, maxExpensiveMutations: 1 };
const codes = (source: string) => validate(schema, parse(source), [operationCapsRule(caps)]).map((error) => error.extensions.code);

describe('operationCapsRule', () => {
  it('lets an operation within every cap through', () => {
    expect(codes('{ me { username } rooms { roomId } }')).toEqual([]);
    expect(codes('mutation { authenticate(username: "a", password: "b") { token } }')).toEqual([]);
  });

  it('counts root fields, aliases and fragments included', () => {
    expect(codes('{ me { userId } a: me { userId } ...F } fragment F on Query { rooms { roomId } b: rooms { roomId } }')).toEqual([
      'GRAPHQL_TOO_MANY_ROOT_FIELDS',
    ]);
    expect(codes('{ me { userId } ... on Query { a: me { userId } } }')).toEqual([]);
  });

  it('counts aliases at any depth', () => {
    expect(codes('{ me { a: userId b: userId c: username } }')).toEqual(['GRAPHQL_TOO_MANY_ALIASES']);
  });

  it('caps createUser and authenticate per request, however they are spelt', () => {
    expect(
      codes('mutation { createUser(username: "a", email: "a@x.io", password: "pw-12345678") { userId } ... on Mutation { authenticate(username: "a", password: "b") { token } } }'),
    ).toEqual(['GRAPHQL_TOO_MANY_EXPENSIVE_MUTATIONS']);
  });
});

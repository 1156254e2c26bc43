import { ConfigError } from './env-reader';
import { readGraphqlConfig } from './app-config';

describe('readGraphqlConfig', () => {
  it('defaults to introspection on, GraphiQL off, depth 10, complexity 5000', () => {
    expect(readGraphqlConfig({})).toEqual({
      graphiql: false, introspection: true, maxDepth: 10, maxComplexity: 5000, maxRootFields: 20, maxAliases: 30, maxExpensiveMutations: 1,
    });
  });

  it('turns GraphiQL on by default where asked (the monolith), and still lets GRAPHQL_GRAPHIQL=false turn it off', () => {
    expect(readGraphqlConfig({}, true).graphiql).toBe(true);
    expect(readGraphqlConfig({ GRAPHQL_GRAPHIQL: 'false' }, true).graphiql).toBe(false);
  });

  it('reads every variable', () => {
    expect(
      readGraphqlConfig({
        GRAPHQL_GRAPHIQL: 'true', GRAPHQL_INTROSPECTION: 'false', GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_COMPLEXITY: '250',
        GRAPHQL_MAX_ROOT_FIELDS: '3', GRAPHQL_MAX_ALIASES: '0', GRAPHQL_MAX_EXPENSIVE_MUTATIONS: '2',
      }),
    ).toEqual({ graphiql: true, introspection: false, maxDepth: 4, maxComplexity: 250, maxRootFields: 3, maxAliases: 0, maxExpensiveMutations: 2 });
  });

  it('refuses malformed values, naming the variable', () => {
    expect(() => readGraphqlConfig({ GRAPHQL_GRAPHIQL: 'yes' })).toThrow(new ConfigError('GRAPHQL_GRAPHIQL must be one of true, false, got "yes"'));
    expect(() => readGraphqlConfig({ GRAPHQL_MAX_DEPTH: '0' })).toThrow(/GRAPHQL_MAX_DEPTH/);
    expect(() => readGraphqlConfig({ GRAPHQL_MAX_COMPLEXITY: 'lots' })).toThrow(/GRAPHQL_MAX_COMPLEXITY/);
  });
});

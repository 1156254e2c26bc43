/** How the gateway serves GraphQL; the roles read it from GRAPHQL_* variables. */
export interface GraphqlOptions {
  /** Serve GraphiQL at /graphiql (its assets come from this process). */
  readonly graphiql: boolean;
  /** Answer `__schema` and `__type` queries. */
  readonly introspection: boolean;
  /** Deepest field nesting an operation may have (`{ me { username } }` is 2). */
  readonly maxDepth: number;
  /** Largest cost an operation may have; see {@link operationSize}. */
  readonly maxComplexity: number;
  /** Most fields at the root of one operation (aliases included). */
  readonly maxRootFields: number;
  /** Most aliased fields in one operation, at any depth. */
  readonly maxAliases: number;
  /** Most expensive mutations (createUser, authenticate: a bcrypt hash each) in one request. */
  readonly maxExpensiveMutations: number;
}

export const DEFAULT_GRAPHQL_OPTIONS: GraphqlOptions = {
  graphiql: false,
  introspection: true,
  maxDepth: 10,
  maxComplexity: 5000,
  maxRootFields: 20,
  maxAliases: 30,
  maxExpensiveMutations: 1,
};

/** Where GraphQL is served: queries and mutations over HTTP, subscriptions over WebSocket. */
export const GRAPHQL_PATH = '/graphql';

/** GraphiQL's page and assets, when enabled. */
export const GRAPHIQL_PATH = '/graphiql';

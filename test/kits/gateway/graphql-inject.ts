import type { FastifyInstance } from 'fastify';

/** Parsed JSON as the tests read it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface InjectedGraphqlResponse {
  readonly status: number;
  readonly body: { readonly data?: Json; readonly errors?: Json[] };
}

/** POSTs a GraphQL operation to the app with `inject`, as `token`'s owner (or anonymously). */
export const graphqlInject =
  (app: FastifyInstance) =>
  async (query: string, options: { token?: string; variables?: Record<string, unknown> } = {}): Promise<InjectedGraphqlResponse> => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: options.token === undefined ? {} : { authorization: `Bearer ${options.token}` },
      payload: { query, variables: options.variables },
    });
    return { status: response.statusCode, body: response.json() };
  };

/** The `extensions.code` of each error of an answer, in order. */
export const codesOf = (response: InjectedGraphqlResponse): string[] =>
  (response.body.errors ?? []).map((error: Json) => error.extensions?.code);

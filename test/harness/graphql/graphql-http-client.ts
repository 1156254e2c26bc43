/** Parsed JSON as the tests read it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A GraphQL answer over HTTP: the status and the `{data?, errors?}` body. */
export interface GraphqlResponse {
  readonly status: number;
  readonly body: { readonly data?: Json; readonly errors?: readonly Json[] };
}

/** POSTs GraphQL operations to one `/graphql` URL, with one bearer token or none. */
export class GraphqlHttpClient {
  constructor(
    readonly url: string,
    readonly token?: string,
  ) {}

  withToken(token: string | undefined): GraphqlHttpClient {
    return new GraphqlHttpClient(this.url, token);
  }

  async request(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<GraphqlResponse> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token === undefined ? {} : { authorization: `Bearer ${this.token}` }),
      },
      body: JSON.stringify({ query, variables, operationName }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : JSON.parse(text) };
  }

  /** The `data` of an operation that must succeed; fails showing the answer otherwise. */
  async data(query: string, variables?: Record<string, unknown>): Promise<Json> {
    const { status, body } = await this.request(query, variables);
    if (status !== 200 || body.errors !== undefined) throw new Error(`GraphQL answered ${status} ${JSON.stringify(body)}`);
    return body.data;
  }
}

/** The `extensions.code` of each error of an answer, in order. */
export const errorCodes = (response: GraphqlResponse): string[] =>
  (response.body.errors ?? []).map((error) => error?.extensions?.code as string);

import { ApiError } from './api-error';
import type { paths } from './openapi.gen';

/** The HTTP methods the client uses. */
export type Method = 'get' | 'post' | 'delete' | 'patch' | 'put';

/** The routes of /openapi.json that have `M`. */
export type PathWith<M extends Method> = { [P in keyof paths]: paths[P] extends Record<M, object> ? P : never }[keyof paths];

type Operation<P extends keyof paths, M extends Method> = paths[P] extends Record<M, infer O> ? O : never;
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body the operation takes (`undefined` when it takes none). */
export type RequestBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer R } ? (undefined extends R ? Json<NonNullable<R>> | undefined : Json<R>) : undefined;

/** The JSON answer of the operation's success status (200 or 201). */
export type SuccessBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? (R extends { 200: infer S } ? Json<S> : R extends { 201: infer S } ? Json<S> : never) : never;

type ParametersOf<P extends keyof paths, M extends Method> = Operation<P, M> extends { parameters: infer Q } ? Q : never;

/** Path parameters (`{roomId}`...) of the operation. */
export type PathParams<P extends keyof paths, M extends Method> = ParametersOf<P, M> extends { path?: infer A } ? NonNullable<A> : never;

/** Query parameters of the operation. */
export type QueryParams<P extends keyof paths, M extends Method> = ParametersOf<P, M> extends { query?: infer A } ? NonNullable<A> : never;

export interface CallOptions<P extends keyof paths, M extends Method> {
  readonly path?: PathParams<P, M>;
  readonly query?: QueryParams<P, M>;
  readonly body?: RequestBody<P, M>;
  /** An access token for `Authorization: Bearer`; public routes take none. */
  readonly token?: string;
}

const fillPath = (template: string, params: object | undefined): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = (params as Record<string, unknown> | undefined)?.[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });

const queryString = (query: object | undefined): string => {
  const entries = Object.entries(query ?? {}).filter(([, value]) => value !== undefined);
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString()}`;
};

/**
 * One call of the HTTP API, typed by the OpenAPI document the gateway serves (openapi.gen.ts,
 * generated from /openapi.json and checked fresh by web/test/openapi-types.spec.ts). Resolves
 * with the success body; rejects with {@link ApiError} (code `NETWORK` when the server was not reached).
 */
export const call = async <M extends Method, P extends PathWith<M>>(
  method: M,
  path: P,
  options: CallOptions<P, M> = {},
  base = '',
): Promise<SuccessBody<P, M>> => {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${base}${fillPath(path, options.path)}${queryString(options.query)}`, {
      method: method.toUpperCase(),
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', `The server cannot be reached (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!response.ok) throw await ApiError.from(response);
  return (await response.json()) as SuccessBody<P, M>;
};

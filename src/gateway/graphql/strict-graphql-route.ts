import type { RouteOptions } from 'fastify';
import { GRAPHQL_PATH } from './graphql-options';

type Schema = Record<string, unknown>;

const strict = (schema: unknown): unknown =>
  typeof schema === 'object' && schema !== null && (schema as Schema).type === 'object'
    ? { ...(schema as Schema), additionalProperties: false }
    : schema;

/**
 * mercurius declares the schemas of its /graphql routes (query string of GET, body of POST)
 * but lets unknown members through; like every other route, they refuse them: an unknown
 * parameter or field answers 400 with `VALIDATION_FAILED` naming it. An onRoute hook.
 */
export const strictGraphqlRoute = (route: RouteOptions): void => {
  if (route.url !== GRAPHQL_PATH || route.schema === undefined) return;
  route.schema = {
    ...route.schema,
    ...(route.schema.querystring === undefined ? {} : { querystring: strict(route.schema.querystring) }),
    ...(route.schema.body === undefined ? {} : { body: strict(route.schema.body) }),
  };
};

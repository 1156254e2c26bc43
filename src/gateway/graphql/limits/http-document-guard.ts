import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { documentError, GraphqlErrorCodes } from '../graphql-errors';
import { refuseTooDeepSource } from './nesting-prescan';

interface GraphqlHttpRequest {
  readonly query?: unknown;
  readonly operationName?: unknown;
}

const requestOf = (request: FastifyRequest): GraphqlHttpRequest =>
  ((request.method === 'GET' ? request.query : request.body) ?? {}) as GraphqlHttpRequest;

const selectedOperation = (source: string, operationName: unknown): OperationDefinitionNode | undefined => {
  let definitions;
  try {
    definitions = parse(source, { noLocation: true }).definitions;
  } catch {
    return undefined;
  }
  const operations = definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (typeof operationName === 'string') return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
};

const refuse = (reply: FastifyReply, error: GraphQLError): FastifyReply =>
  reply.code(400).type('application/json; charset=utf-8').send({ errors: [{ message: error.message, extensions: error.extensions }] });

/**
 * A preHandler of the /graphql HTTP route, before mercurius sees the document: refuses one
 * nested too deep for the parser (GRAPHQL_QUERY_TOO_DEEP) and a subscription, which only
 * runs over WebSocket (GRAPHQL_SUBSCRIPTION_OVER_HTTP); both 400 without `data`. Anything
 * else (including a syntax error) is left to mercurius.
 */
export const httpDocumentGuard =
  (maxDepth: number) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const { query, operationName } = requestOf(request);
    if (typeof query !== 'string') return undefined;
    try {
      refuseTooDeepSource(query, maxDepth);
    } catch (error) {
      if (error instanceof GraphQLError) return refuse(reply, error);
      throw error;
    }
    if (selectedOperation(query, operationName)?.operation === 'subscription') {
      return refuse(
        reply,
        documentError('Subscriptions run over WebSocket (graphql-transport-ws) at /graphql, not over HTTP', GraphqlErrorCodes.subscriptionOverHttp),
      );
    }
    return undefined;
  };

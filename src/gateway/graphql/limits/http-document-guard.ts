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

type Selection = { readonly operation: OperationDefinitionNode } | { readonly unselectable: string } | undefined;

/** The operation a request runs; why none can be picked (graphql-js's words); undefined when the source does not parse. */
const selectedOperation = (source: string, operationName: unknown): Selection => {
  let definitions;
  try {
    definitions = parse(source, { noLocation: true }).definitions;
  } catch {
    return undefined;
  }
  const operations = definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (typeof operationName === 'string' && operationName !== '') {
    const named = operations.find((operation) => operation.name?.value === operationName);
    return named === undefined ? { unselectable: `Unknown operation named "${operationName}".` } : { operation: named };
  }
  if (operations.length === 1 && operations[0] !== undefined) return { operation: operations[0] };
  return operations.length === 0 ? undefined : { unselectable: 'Must provide operation name if query contains multiple operations.' };
};

const refuse = (reply: FastifyReply, error: GraphQLError): FastifyReply =>
  reply.code(400).type('application/json; charset=utf-8').send({ errors: [{ message: error.message, extensions: error.extensions }] });

/**
 * A preHandler of the /graphql HTTP route, before mercurius sees the document: refuses one
 * nested too deep for the parser (GRAPHQL_QUERY_TOO_DEEP) and a subscription, which only
 * runs over WebSocket (GRAPHQL_SUBSCRIPTION_OVER_HTTP), and one whose operation cannot be
 * picked (an unknown `operationName`, or several operations and none named:
 * GRAPHQL_VALIDATION_FAILED; mercurius answered those 500); all 400 without `data`. Anything
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
    const selection = selectedOperation(query, operationName);
    if (selection !== undefined && 'unselectable' in selection) {
      return refuse(reply, documentError(selection.unselectable, GraphqlErrorCodes.validationFailed));
    }
    if (selection?.operation.operation === 'subscription') {
      return refuse(
        reply,
        documentError('Subscriptions run over WebSocket (graphql-transport-ws) at /graphql, not over HTTP', GraphqlErrorCodes.subscriptionOverHttp),
      );
    }
    return undefined;
  };

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isRateLimited } from '@chatterroom/kernel';
import { domainErrorBody } from './error-body';
import { GatewayErrors } from './gateway-errors';
import { sharedPlugin } from './shared-plugin';
import { toErrorBody } from './to-error-body';

/** Retry-After is in whole seconds, never 0 (0 would invite an immediate retry). */
export const retryAfterSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/** Answers any failure with the API's error body; unexpected ones are logged and hidden. */
export const replyWithError = (error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
  const { body, exposed } = toErrorBody(error);
  if (!exposed) request.log.error({ err: error }, 'request failed unexpectedly');
  else if (body.statusCode >= 500) request.log.warn({ err: error }, 'request failed');
  if (isRateLimited(error)) reply.header('retry-after', String(retryAfterSeconds(error.retryAfterMs)));
  return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
};

/** One error handler and one not-found handler for the whole gateway. */
export const errorHandlingPlugin = sharedPlugin('gateway-error-handling', async (app) => {
  app.setErrorHandler((error: FastifyError, request, reply) => replyWithError(error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    const body = domainErrorBody(GatewayErrors.routeNotFound(request.method, request.url.split('?')[0] ?? '/'));
    return reply.code(body.statusCode).send(body);
  });
});

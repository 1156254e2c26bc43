import type { FastifyPluginAsync, RouteHandlerMethod } from 'fastify';
import { RequestDeadline } from '@chatterroom/kernel';
import { sharedPlugin } from './shared-plugin';

export interface RequestDeadlineOptions {
  /** The budget of a request from its arrival (REQUEST_DEADLINE_MS). */
  readonly budgetMs: number;
}

/**
 * Every route's handler runs inside its request's deadline ({@link RequestDeadline}): arrival
 * plus `budgetMs`. The gRPC calls it makes get what is left of it, and a send still queued when
 * it passes is dropped before it is stored (DEADLINE_EXCEEDED).
 */
export const requestDeadlinePlugin: FastifyPluginAsync<RequestDeadlineOptions> = sharedPlugin('request-deadline', async (app, { budgetMs }) => {
  app.addHook('onRoute', (route) => {
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function (this: ThisParameterType<RouteHandlerMethod>, request, reply) {
      return RequestDeadline.run(Date.now() - reply.elapsedTime + budgetMs, () => handler.call(this, request, reply));
    };
  });
});

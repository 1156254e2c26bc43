import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { FastifyPluginAsync, RouteHandlerMethod } from 'fastify';
import { REQUEST_ID_PATTERN, RequestId } from '@chatterroom/kernel';
import { sharedPlugin } from './shared-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's server span and the context its work continues (a no-op span while tracing is off). */
    trace: { span: Span; context: Context } | null;
  }
}

/** fastify's genReqId: the client's X-Request-Id when it is a sane one, else a new UUID. */
export const requestIdOf = (request: IncomingMessage): string => {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID_PATTERN.test(header) ? header : randomUUID();
};

/** Runs a route's handler in its request's trace context and request id, which gRPC clients and publishes carry on. */
const inRequestScope = (handler: RouteHandlerMethod): RouteHandlerMethod =>
  function (this: ThisParameterType<RouteHandlerMethod>, request, reply) {
    const run = () => RequestId.run(request.id, () => handler.call(this, request, reply));
    return request.trace === null ? run() : context.with(request.trace.context, run);
  };

/**
 * Every answer says its request's id (`X-Request-Id`, the client's when it sent a sane one;
 * the logs' `reqId`). Each request gets a SERVER span continuing the client's `traceparent`,
 * named by route pattern, and its handler runs inside it, so the gRPC calls and events it
 * causes join the same trace (OpenTelemetry; a no-op unless tracing is on).
 */
export const requestTracingPlugin: FastifyPluginAsync = sharedPlugin('request-tracing', async (app) => {
  app.decorateRequest('trace', null);
  app.addHook('onRoute', (route) => {
    route.handler = inRequestScope(route.handler as RouteHandlerMethod);
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const parent = propagation.extract(context.active(), request.headers);
    const span = trace.getTracer('chatterroom').startSpan(
      `${request.method} ${request.routeOptions.url ?? 'unmatched'}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': request.routeOptions.url ?? '', 'chatterroom.request_id': request.id } },
      parent,
    );
    request.trace = { span, context: trace.setSpan(parent, span) };
  });
  app.addHook('onResponse', async (request, reply) => {
    const span = request.trace?.span;
    if (span === undefined) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
});

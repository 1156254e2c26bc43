import { context, propagation, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';

/** The tracer of our own spans; a no-op until the SDK is started (see start-tracing). */
export const tracer = () => trace.getTracer('chatterroom');

/** A carrier's string values by key (gRPC metadata, AMQP headers), as the propagator reads and writes them. */
export type TextCarrier = Record<string, unknown>;

/** The current context's trace headers (`traceparent`, `tracestate`), to send along. */
export const outgoingTraceHeaders = (): Record<string, string> => {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
};

/** The context a received carrier continues (the active one when it carries none). */
export const incomingContext = (carrier: TextCarrier): Context =>
  propagation.extract(context.active(), carrier, {
    get: (source, key) => {
      const value = source[key];
      if (Array.isArray(value)) return value.map(String);
      return value === undefined ? undefined : Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
    },
    keys: (source) => Object.keys(source),
  });

/** Runs `work` in a new span of `kind` under `parent`; ends it with the outcome (error status and exception on failure). */
export const inSpan = async <T>(name: string, kind: SpanKind, parent: Context, work: (span: Span) => Promise<T>): Promise<T> => {
  const span = tracer().startSpan(name, { kind }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
};

export { SpanKind };

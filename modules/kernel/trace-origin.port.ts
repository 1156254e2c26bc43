/**
 * The trace headers of some work, by lower-case name: W3C `traceparent` and `tracestate` when
 * tracing is on, `x-request-id` when a request id is known. Plain strings, so they can be stored
 * with what the work recorded and read back by another process.
 */
export type TraceOrigin = Readonly<Record<string, string>>;

/**
 * Outbound port: the trace context of the work in progress. A change recorded now and published
 * later (the chat module's outbox) records it, so that the publish continues the request's trace
 * whichever process or timer runs it.
 */
export interface TraceOriginSource {
  /** The current work's trace headers; an empty object outside any request and trace. Never throws; no I/O. */
  current(): TraceOrigin;
}

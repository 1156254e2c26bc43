import { randomUUID } from 'node:crypto';
import type { TraceOrigin } from './trace-origin.port';

/**
 * A fact one module publishes for others, named `<module>.<kebab-past-tense>.v<N>`.
 * `id` is unique per event: consumers de-duplicate on it, because brokers deliver
 * at least once. The payload is plain JSON.
 */
export interface IntegrationEvent<TPayload = unknown> {
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly payload: TPayload;
  /**
   * Where the event stands in its module's event log (opaque, ordered): set on events
   * published from a log, so a consumer can hand it to clients that resume from it.
   */
  readonly cursor?: string;
  /**
   * The trace headers of the change the event announces, when it is published after that change's
   * request has returned (from an outbox): the publisher continues that trace and request id rather
   * than its own. Travels as message headers, not in the event's body.
   */
  readonly origin?: TraceOrigin;
}

export const createEvent = <TPayload>(type: string, payload: TPayload, now = new Date()): IntegrationEvent<TPayload> => ({
  id: randomUUID(),
  type,
  occurredAt: now.toISOString(),
  payload,
});

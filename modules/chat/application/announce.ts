import { randomUUID } from 'node:crypto';
import type { Clock, Logger } from '@chatterroom/kernel';
import type { ChatEventLog } from '../ports';
import { eventAudience } from '../domain/audience';

/** Told when an event was recorded, so it is published at once rather than at the next poll. */
export interface EventRecordedSignal {
  kick(): void;
}

export interface AnnounceDeps {
  readonly chatEventLog: ChatEventLog;
  readonly chatEventRelay?: EventRecordedSignal;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Announces a change that is already durable: records the event in the chat event log (the
 * outbox: the relay publishes it, in order, even after a crash or a broker outage; clients
 * replay it from their cursor) with the `audience` its payload names. Every chat event goes
 * this one way. The change stands whatever happens here, so a failure (of the log, or of
 * computing the payload) is logged and swallowed rather than reported to the caller.
 */
export const announce = async <TPayload extends { readonly audience: readonly number[] }>(
  deps: AnnounceDeps,
  type: string,
  payload: () => Promise<TPayload>,
): Promise<void> => {
  try {
    const body = await payload();
    await deps.chatEventLog.record({
      id: randomUUID(),
      type,
      occurredAt: deps.clock.now().toISOString(),
      payload: body,
      audience: eventAudience(body.audience),
    });
    deps.chatEventRelay?.kick();
  } catch (error) {
    deps.logger.error({ err: error, eventType: type }, 'chat: could not record an event; the change itself is stored');
  }
};

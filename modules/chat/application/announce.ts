import { createEvent } from '../../kernel';
import type { Clock, EventBus, Logger } from '../../kernel';

export interface AnnounceDeps {
  readonly eventBus: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Publishes an event about a change that is already durable. The change stands
 * whatever happens here, so a failure (of the bus, or of computing the payload)
 * is logged and swallowed rather than reported to the caller.
 */
export const announce = async <TPayload>(
  deps: AnnounceDeps,
  type: string,
  payload: () => Promise<TPayload>,
): Promise<void> => {
  try {
    await deps.eventBus.publish(createEvent(type, await payload(), deps.clock.now()));
  } catch (error) {
    deps.logger.error({ err: error, eventType: type }, 'chat: could not publish an event; the change itself is stored');
  }
};

import { randomUUID } from 'node:crypto';
import type { Clock, Logger } from '@chatterroom/kernel';
import type { ChatEventLog, MembershipChange } from '../ports';
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
 * An event to announce: its payload without `audience` (added when it is published or replayed),
 * the users it names, and for a room event its room (whose members of the moment see it too)
 * and whether the named users join or leave it.
 */
export interface Announcement<TPayload extends { readonly audience: readonly number[] }> {
  readonly payload: Omit<TPayload, 'audience'>;
  readonly named?: readonly number[];
  readonly roomId?: number;
  readonly membership?: MembershipChange;
}

/**
 * Announces a change that is already durable: records the event in the chat event log (the
 * outbox: the relay publishes it, in order, even after a crash or a broker outage; clients
 * replay it from their cursor). Every chat event goes this one way. The change stands whatever
 * happens here, so a failure (of the log, or of computing the announcement) is logged and
 * swallowed rather than reported to the caller.
 */
export const announce = async <TPayload extends { readonly audience: readonly number[] }>(
  deps: AnnounceDeps,
  type: string,
  announcement: () => Promise<Announcement<TPayload>>,
): Promise<void> => {
  try {
    const { payload, named, roomId, membership } = await announcement();
    await deps.chatEventLog.record({
      id: randomUUID(),
      type,
      occurredAt: deps.clock.now().toISOString(),
      payload,
      audience: eventAudience(named ?? []),
      ...(roomId === undefined ? {} : { roomId }),
      ...(membership === undefined ? {} : { membership }),
    });
    deps.chatEventRelay?.kick();
  } catch (error) {
    deps.logger.error({ err: error, eventType: type }, 'chat: could not record an event; the change itself is stored');
  }
};

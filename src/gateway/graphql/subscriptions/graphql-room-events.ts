import type { PubSub } from 'mercurius';
import type { IntegrationEvent } from '@chatterroom/kernel';
import { pushOf } from '../../ws/event-pushes';

/** What a room-events topic carries: the /ws/chat push of the change (type, roomId, and its fields), and the chat event's id. */
export type RoomEventPayload = { readonly event: Record<string, unknown>; readonly eventId: string };

/** The topic of the room changes one user is told about, on this gateway's in-process pubsub. */
export const roomEventsTopicOf = (userId: number): string => `chat-room-events/${userId}`;

/**
 * Publishes a room change (room.joined ... room.deleted) on the topic of each user of its
 * audience who follows it here: the same frame and the same people as the /ws/chat push.
 */
export const relayRoomEvent = (pubsub: PubSub, event: IntegrationEvent, follows: (userId: number) => boolean): void => {
  const push = pushOf(event);
  const payload = roomEventPayloadOf(event);
  if (push === undefined || payload === undefined) return;
  for (const userId of push.audience) {
    if (follows(userId)) pubsub.publish({ topic: roomEventsTopicOf(userId), payload }, () => undefined);
  }
};

/** The roomEvents payload of a room change (room.joined ... room.deleted); undefined for any other event. */
export const roomEventPayloadOf = (event: IntegrationEvent): RoomEventPayload | undefined => {
  const push = pushOf(event);
  if (push === undefined || push.frame.type === 'message' || !push.frame.type.startsWith('room.')) return undefined;
  return { event: { ...push.frame }, eventId: event.id };
};

import type { PresenceStatus, ServerFrameOf } from '../api/ws-frames';
import type { Conversation } from './conversations';

export interface Presence {
  readonly status: PresenceStatus;
  /** When they were last online (ISO-8601), for offline people the server knows it for. */
  readonly lastSeenAt?: string;
}

/** At most this many people are watched (the server's limit for presence.subscribe). */
export const MAX_WATCHED = 500;

/** The people whose presence the client shows: the peers of the private chats listed, newest first, at most MAX_WATCHED. */
export const peopleToWatch = (conversations: Iterable<Conversation>): number[] =>
  [...conversations]
    .filter((conversation) => conversation.kind === 'private')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, MAX_WATCHED)
    .map((conversation) => conversation.id)
    .sort((a, b) => a - b);

/** The same people (both lists sorted). */
export const samePeople = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((userId, i) => userId === b[i]);

/** A presence push or an entry of presence.subscribe's answer, as the client keeps it. */
export const presenceOf = (state: Omit<ServerFrameOf<'presence'>, 'type'>): Presence => ({
  status: state.status,
  ...(state.lastSeenAt === undefined ? {} : { lastSeenAt: state.lastSeenAt }),
});

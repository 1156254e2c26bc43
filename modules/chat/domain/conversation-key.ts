import type { ConversationKey } from '../ports';

/** The conversation of a room: `room:<roomId>`. */
export const roomConversation = (roomId: number): ConversationKey => `room:${roomId}`;

/** The conversation of two users whatever the direction: `private:<low>:<high>`. */
export const privateConversation = (userA: number, userB: number): ConversationKey =>
  `private:${Math.min(userA, userB)}:${Math.max(userA, userB)}`;

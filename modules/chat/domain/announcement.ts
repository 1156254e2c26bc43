import type { ChatMessage } from '../contracts';
import type { ChatEventDraft, MessageAnnouncement } from '../ports';

/** The event draft an announcement makes for the message as stored. */
export const recordAnnouncement = (announcement: MessageAnnouncement, message: ChatMessage): ChatEventDraft => ({
  id: announcement.id,
  type: announcement.type,
  occurredAt: announcement.occurredAt,
  audience: announcement.audience,
  ...(announcement.roomId === undefined ? {} : { roomId: announcement.roomId }),
  ...(announcement.origin === undefined ? {} : { origin: announcement.origin }),
  payload: announcement.payloadOf(message),
});

import type { Conversation } from './conversations';
import { mergeMessages, replaceMessage, type ChatMessage } from './messages';

/**
 * How a conversation changes with what happens to it. Each change is idempotent (a message or
 * marker seen twice, live and replayed, changes nothing the second time) and returns the
 * conversation itself when nothing changed.
 */

const later = (a: string, b: string): string => (b.localeCompare(a) > 0 ? b : a);

/** Unread after my marker moved to `readSeq`: none when it reached the newest message, else at most what lies after it. */
const unreadAfter = (conversation: Conversation, readSeq: number): number =>
  readSeq >= conversation.lastSeq ? 0 : Math.min(conversation.unread, conversation.lastSeq - readSeq);

/**
 * A message arrived (pushed, replayed or the answer of my send). It counts as unread when it is
 * newer than any known, someone else wrote it and I am not looking at the conversation; mine
 * moves my marker to it (the server does the same).
 */
export const withMessage = (conversation: Conversation, message: ChatMessage, me: number, viewing: boolean): Conversation => {
  const messages = mergeMessages(conversation.messages, [message]);
  const newest = message.seq > conversation.lastSeq;
  if (messages === conversation.messages && !newest) return conversation;
  const mine = message.senderId === me;
  const next: Conversation = {
    ...conversation,
    messages,
    ...(newest
      ? {
          lastSeq: message.seq,
          updatedAt: later(conversation.updatedAt, message.timestamp),
          lastMessage: { senderId: message.senderId, text: message.text, seq: message.seq },
          unread: conversation.unread + (!mine && !viewing && message.seq > conversation.readSeq ? 1 : 0),
        }
      : {}),
  };
  return mine ? withReadMarker(next, message.seq) : next;
};

/**
 * A message was edited or deleted (`changed` is the edited message or the tombstone): shown
 * changed where it is, and in the list's preview when it is the newest. A deleted unread message
 * someone else wrote no longer counts; a deleted message stays deleted. The one path for a change,
 * pushed or the answer of my own edit or delete.
 */
export const withChangedMessage = (conversation: Conversation, changed: ChatMessage, me: number): Conversation => {
  const before = conversation.messages.find((message) => message.messageId === changed.messageId);
  const messages = replaceMessage(conversation.messages, changed);
  const last = conversation.lastMessage;
  const lastChanged = last !== undefined && last.seq === changed.seq && last.deleted !== true && (last.text !== changed.text || last.deleted !== changed.deleted);
  if (messages === conversation.messages && !lastChanged) return conversation;
  const uncounted =
    changed.deleted === true && before !== undefined && before.deleted !== true && before.senderId !== me && changed.seq > conversation.readSeq && conversation.unread > 0;
  return {
    ...conversation,
    messages,
    ...(lastChanged ? { lastMessage: { ...last, text: changed.text, ...(changed.deleted === true ? { deleted: true as const } : {}) } } : {}),
    ...(uncounted ? { unread: conversation.unread - 1 } : {}),
  };
};

/** My read marker moved (here, on another device, or by a send): it only moves forward. */
export const withReadMarker = (conversation: Conversation, seq: number): Conversation => {
  if (seq <= conversation.readSeq) return conversation;
  return { ...conversation, readSeq: seq, unread: unreadAfter(conversation, seq) };
};

/** The other person's read marker in a private chat moved. */
export const withPeerReadMarker = (conversation: Conversation, seq: number): Conversation =>
  seq <= conversation.peerReadSeq ? conversation : { ...conversation, peerReadSeq: seq };

/** My newest message in a private chat when the other person has read up to it ("Seen" goes under it). */
export const seenMessageId = (conversation: Conversation, me: number): string | undefined => {
  if (conversation.kind !== 'private') return undefined;
  const mine = conversation.messages.findLast((message) => message.senderId === me && message.deleted !== true);
  return mine !== undefined && conversation.peerReadSeq >= mine.seq ? mine.messageId : undefined;
};

/** The seq a read marker should move to when the conversation is looked at (undefined: nothing new to mark). */
export const seqToMarkRead = (conversation: Conversation): number | undefined => {
  const newest = Math.max(conversation.lastSeq, conversation.messages.at(-1)?.seq ?? 0);
  return newest > conversation.readSeq ? newest : undefined;
};

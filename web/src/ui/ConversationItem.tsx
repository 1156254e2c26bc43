import type { Conversation } from '../state/conversations';
import type { Presence } from '../state/presence';
import { PresenceDot } from './PresenceDot';

/** The preview of the newest message: "You: …" for mine, "This message was deleted." for a tombstone. */
const preview = (conversation: Conversation, me: number): string => {
  const last = conversation.lastMessage;
  if (last === undefined) return conversation.kind === 'room' ? 'No messages yet' : '';
  if (last.deleted === true) return 'This message was deleted.';
  return last.senderId === me ? `You: ${last.text}` : last.text;
};

/**
 * One conversation of the list, named by the peer's username or the room's name: a button
 * that opens it, with the peer's presence, the newest message and the unread badge ("3 unread").
 */
export const ConversationItem = ({
  conversation,
  current,
  me,
  presence,
  onOpen,
}: {
  conversation: Conversation;
  current: boolean;
  me: number;
  presence: Presence | undefined;
  onOpen: () => void;
}) => (
  <li aria-label={conversation.title}>
    <button type="button" class={current ? 'conversation current' : 'conversation'} aria-current={current ? 'true' : undefined} onClick={onOpen}>
      <span class="title">
        <span aria-hidden="true">{conversation.kind === 'room' ? '# ' : '@ '}</span>
        {conversation.title}
        {conversation.kind === 'private' && <PresenceDot presence={presence} />}
      </span>
      <span class="preview muted">{preview(conversation, me)}</span>
      {conversation.unread > 0 && <span class="badge">{conversation.unread} unread</span>}
    </button>
  </li>
);

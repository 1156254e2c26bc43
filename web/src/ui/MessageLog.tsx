import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { ChatStore } from '../state/chat-store';
import type { Conversation } from '../state/conversations';
import { MessageActions } from './MessageActions';
import { seenMessageId } from '../state/conversation-changes';

const time = (timestamp: string): string => new Date(timestamp).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Near the top by this many pixels, the older page is read. */
const LOAD_OLDER_WITHIN_PX = 80;

/**
 * The conversation's messages, oldest first (role `log`, named "Messages": new ones are
 * announced). Scrolling near the top reads the page before (infinite scroll upward) keeping
 * the view where it was; a new message scrolls to the bottom when the view was there.
 */
export const MessageLog = ({ store, conversation, usernames }: { store: ChatStore; conversation: Conversation; usernames: ReadonlyMap<number, string> }) => {
  const log = useRef<HTMLDivElement>(null);
  const pinnedToBottom = useRef(true);
  const heightBefore = useRef(0);
  const firstId = useRef<string | undefined>(undefined);
  const messages = conversation.messages;
  const seen = seenMessageId(conversation, store.me.userId);

  useLayoutEffect(() => {
    const element = log.current;
    if (element === null) return;
    const oldestNow = messages[0]?.messageId;
    if (firstId.current !== undefined && oldestNow !== firstId.current && !pinnedToBottom.current) {
      // Older messages were put on top: keep what the person was looking at in place.
      element.scrollTop += element.scrollHeight - heightBefore.current;
    } else if (pinnedToBottom.current) {
      element.scrollTop = element.scrollHeight;
    }
    firstId.current = oldestNow;
    heightBefore.current = element.scrollHeight;
  }, [messages]);

  useEffect(() => {
    // A first page that does not fill the view leaves nothing to scroll: read more now.
    const element = log.current;
    if (element !== null && conversation.loaded && !conversation.reachedStart && element.scrollHeight <= element.clientHeight) {
      void store.loadOlder(conversation.key);
    }
  }, [conversation.loaded, conversation.reachedStart, messages.length]);

  const onScroll = () => {
    const element = log.current;
    if (element === null) return;
    pinnedToBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
    heightBefore.current = element.scrollHeight;
    if (element.scrollTop < LOAD_OLDER_WITHIN_PX) void store.loadOlder(conversation.key);
  };

  return (
    <div class="messages" role="log" aria-label="Messages" tabIndex={0} ref={log} onScroll={onScroll}>
      {conversation.reachedStart ? (
        <p class="muted start">The conversation starts here.</p>
      ) : (
        conversation.loaded && <p class="muted start">Scroll up for older messages…</p>
      )}
      {!conversation.loaded && <p class="muted start">Loading…</p>}
      {messages.map((message) => {
        if (message.deleted === true) {
          return (
            <article key={message.messageId} class="message deleted" aria-label="Deleted message">
              <p class="muted">This message was deleted.</p>
            </article>
          );
        }
        const mine = message.senderId === store.me.userId;
        const author = usernames.get(message.senderId) ?? store.usernameOf(message.senderId) ?? `#${message.senderId}`;
        return (
          <article key={message.messageId} class={mine ? 'message mine' : 'message'} aria-label={`${author}: ${message.text}`}>
            <header>
              <span class="author">{mine ? 'You' : author}</span> <time dateTime={message.timestamp}>{time(message.timestamp)}</time>
              {message.editedAt !== undefined && (
                <span class="edited" title={`Edited ${new Date(message.editedAt).toLocaleString()}`}>
                  {' '}
                  · edited
                </span>
              )}
            </header>
            <p>{message.text}</p>
            <MessageActions store={store} conversation={conversation} message={message} />
            {message.messageId === seen && <p class="seen">Seen</p>}
          </article>
        );
      })}
    </div>
  );
};

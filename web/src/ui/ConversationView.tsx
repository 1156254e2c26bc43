import type { ChatStore } from '../state/chat-store';
import type { Conversation } from '../state/conversations';
import { Composer } from './Composer';
import { MessageLog } from './MessageLog';
import { RoomDetails } from './RoomDetails';
import { PresenceNote } from './PresenceDot';
import { TypingIndicator } from './TypingIndicator';

/** One open conversation: its header (Room details and Leave for rooms), the message log, the composer. */
export const ConversationView = ({
  store,
  conversation,
  usernames,
}: {
  store: ChatStore;
  conversation: Conversation;
  usernames: ReadonlyMap<number, string>;
}) => (
  <main class="conversation-view" aria-labelledby="conversation-title">
    <header class="conversation-header">
      <button type="button" class="back" onClick={() => void store.open(undefined)}>
        <span aria-hidden="true">←</span> Back
      </button>
      <h2 id="conversation-title">
        {conversation.kind === 'room' ? `# ${conversation.title}` : conversation.title}
      </h2>
      <span class="muted">{conversation.kind === 'room' ? `Room ID ${conversation.id}` : `User ID ${conversation.id}`}</span>
      {conversation.kind === 'private' && <PresenceNote presence={store.state.presence.get(conversation.id)} />}
      {conversation.room !== undefined && (
        <span class="muted">
          {conversation.room.visibility === 'private' ? 'Private' : 'Public'} · {conversation.room.memberCount}{' '}
          {conversation.room.memberCount === 1 ? 'member' : 'members'} · you are {conversation.room.role}
        </span>
      )}
      {conversation.kind === 'room' && <RoomDetails store={store} conversation={conversation} usernames={usernames} />}
      {conversation.kind === 'room' && (
        <button type="button" onClick={() => void store.leaveRoom(conversation.id)}>
          Leave
        </button>
      )}
    </header>
    <MessageLog store={store} conversation={conversation} usernames={usernames} />
    <TypingIndicator names={store.typists(conversation.key).map((userId) => usernames.get(userId) ?? store.usernameOf(userId) ?? `#${userId}`)} />
    <Composer onSend={(text) => store.send(conversation.key, text)} onTyping={() => store.typing(conversation.key)} />
  </main>
);

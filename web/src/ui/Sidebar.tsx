import { useState } from 'preact/hooks';
import type { RoomVisibility } from '../api/ws-frames';
import type { ChatState, ChatStore } from '../state/chat-store';
import { sortConversations } from '../state/conversations';
import { Field } from './Field';
import { PeopleSearch } from './PeopleSearch';
import { ConversationItem } from './ConversationItem';

/** Within this many pixels of the list's end, the next page of conversations is read. */
const LOAD_MORE_WITHIN_PX = 200;

/** Start a private chat, create or join a room, and the list of conversations (newest activity first, more read on scrolling). */
export const Sidebar = ({ store, state }: { store: ChatStore; state: ChatState }) => {
  const [roomName, setRoomName] = useState('');
  const [roomId, setRoomId] = useState('');
  const [creatingRoom, setCreatingRoom] = useState(false);
  const [visibility, setVisibility] = useState<RoomVisibility>('public');
  const conversations = sortConversations(state.conversations.values());

  return (
    <nav
      class="sidebar"
      aria-label="Chats"
      onScroll={(event) => {
        const element = event.currentTarget;
        if (state.moreConversations && element.scrollHeight - element.scrollTop - element.clientHeight < LOAD_MORE_WITHIN_PX) void store.loadMoreConversations();
      }}
    >
      <PeopleSearch store={store} />
      {creatingRoom ? (
        <form
          class="inline-form"
          onSubmit={async (event) => {
            event.preventDefault();
            if (await store.createRoom(roomName.trim(), visibility)) {
              setRoomName('');
              setCreatingRoom(false);
            }
          }}
        >
          <Field label="Room name" value={roomName} onInput={setRoomName} required maxLength={64} />
          <fieldset class="choice">
            <legend>Who can join</legend>
            {(['public', 'private'] as const).map((choice) => (
              <label key={choice}>
                <input type="radio" name="visibility" value={choice} checked={visibility === choice} onChange={() => setVisibility(choice)} />
                {choice === 'public' ? 'Public: anyone can find and join' : 'Private: members add people'}
              </label>
            ))}
          </fieldset>
          <button type="submit" class="primary">
            Create room
          </button>
          <button type="button" onClick={() => setCreatingRoom(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" class="primary wide" onClick={() => setCreatingRoom(true)}>
          New room
        </button>
      )}
      <form
        class="inline-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await store.joinRoom(Number(roomId))) setRoomId('');
        }}
      >
        <Field label="Room ID" value={roomId} onInput={setRoomId} inputMode="numeric" required />
        <button type="submit">Join</button>
      </form>
      <h2 id="conversations-title" class="list-title">
        Conversations
      </h2>
      <ul class="conversations" aria-label="Conversations">
        {conversations.length === 0 && <li class="muted">No conversations yet.</li>}
        {conversations.map((conversation) => (
          <ConversationItem
            key={conversation.key}
            conversation={conversation}
            current={conversation.key === state.openKey}
            me={store.me.userId}
            presence={conversation.kind === 'private' ? state.presence.get(conversation.id) : undefined}
            onOpen={() => void store.open(conversation.key)}
          />
        ))}
      </ul>
      {state.moreConversations && (
        <button type="button" class="link" onClick={() => void store.loadMoreConversations()}>
          More conversations
        </button>
      )}
    </nav>
  );
};

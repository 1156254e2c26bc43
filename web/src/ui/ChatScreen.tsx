import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AuthSession } from '../api/auth-session';
import { ChatStore } from '../state/chat-store';
import { ConnectionStatus } from './ConnectionStatus';
import { ConversationView } from './ConversationView';
import { RoomDirectory } from './RoomDirectory';
import { RoomGoneNotice } from './RoomGoneNotice';
import { Sidebar } from './Sidebar';
import { useStoreState } from './use-subscription';

/** Signed in: the conversations beside the open one (one at a time on a phone), the connection state, sign out. */
export const ChatScreen = ({ auth, me }: { auth: AuthSession; me: { userId: number; username: string } }) => {
  const store = useMemo(() => new ChatStore(auth, me), [auth, me.userId]);
  useEffect(() => {
    store.start();
    let token = auth.session?.token;
    const unsubscribe = auth.subscribe(() => {
      const fresh = auth.session?.token;
      if (fresh !== undefined && fresh !== token) store.renewToken(fresh);
      token = fresh;
    });
    return () => {
      unsubscribe();
      store.stop();
    };
  }, [store]);
  const state = useStoreState(store);
  const open = state.openKey === undefined ? undefined : state.conversations.get(state.openKey);
  const [browsing, setBrowsing] = useState(false);
  useEffect(() => {
    if (state.openKey !== undefined) setBrowsing(false);
  }, [state.openKey]);
  return (
    <div class={`chat ${open === undefined && !browsing ? 'list-shown' : 'conversation-shown'}`}>
      <header class="topbar">
        <h1>ChatterRoom</h1>
        <ConnectionStatus state={state.connection} />
        <span class="me">
          {me.username} <span class="muted">· ID {me.userId}</span>
        </span>
        <button
          type="button"
          aria-pressed={browsing}
          onClick={() => {
            if (!browsing) void store.open(undefined);
            setBrowsing(!browsing);
          }}
        >
          Browse rooms
        </button>
        <button type="button" onClick={() => void auth.signOut()}>
          Sign out
        </button>
      </header>
      <RoomGoneNotice store={store} />
      {state.problem !== undefined && (
        <div class="problem banner" role="alert">
          <span>{state.problem}</span>
          <button type="button" class="link" onClick={() => store.dismissProblem()}>
            Dismiss
          </button>
        </div>
      )}
      <Sidebar store={store} state={state} />
      {browsing ? (
        <RoomDirectory store={store} state={state} onClose={() => setBrowsing(false)} />
      ) : open === undefined ? (
        <main class="empty">
          <p>Pick a conversation, start a private chat, or create a room.</p>
        </main>
      ) : (
        <ConversationView key={open.key} store={store} conversation={open} usernames={state.usernames} />
      )}
    </div>
  );
};

import { useEffect, useState } from 'preact/hooks';
import type { ChatState, ChatStore } from '../state/chat-store';
import { conversationKey } from '../state/conversations';
import { RoomAdmin, type DirectoryRoom } from '../state/room-admin';
import { attempt } from './attempt';
import { Field } from './Field';

/** Waits this long after the last keystroke before searching. */
const SEARCH_AFTER_MS = 250;

/**
 * The directory of public rooms: searched by part of the name as one types, with member
 * counts, 20 at a time ("More rooms"). Join opens the room; a room one is in already opens.
 */
export const RoomDirectory = ({ store, state, onClose }: { store: ChatStore; state: ChatState; onClose: () => void }) => {
  const rooms = RoomAdmin.of(store.session);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ readonly rooms: readonly DirectoryRoom[]; readonly nextAfter: number | undefined } | undefined>();

  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      () =>
        void attempt(store, async () => {
          const page = await rooms.publicRooms(query.trim(), undefined);
          if (current) setFound({ rooms: page.items, nextAfter: page.nextAfter });
        }),
      SEARCH_AFTER_MS,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const more = () =>
    attempt(store, async () => {
      if (found?.nextAfter === undefined) return;
      const page = await rooms.publicRooms(query.trim(), found.nextAfter);
      setFound({ rooms: [...found.rooms, ...page.items], nextAfter: page.nextAfter });
    });

  return (
    <main class="directory" aria-labelledby="directory-title">
      <header class="conversation-header">
        <h2 id="directory-title">Public rooms</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <div class="directory-body">
        <form role="search" aria-label="Rooms" onSubmit={(event) => event.preventDefault()}>
          <Field label="Search rooms" type="search" value={query} onInput={setQuery} placeholder="Part of the name" maxLength={64} />
        </form>
        <p class="muted" role="status">
          {found === undefined ? 'Searching…' : found.rooms.length === 0 ? 'No public room by that name.' : `${found.rooms.length}${found.nextAfter === undefined ? '' : '+'} found`}
        </p>
        <ul class="room-list" aria-label="Public rooms">
          {found?.rooms.map((room) => {
            const joined = state.conversations.has(conversationKey('room', room.roomId));
            return (
              <li key={room.roomId} aria-label={room.name}>
                <span class="room-name"># {room.name}</span>
                <span class="muted">
                  {room.memberCount} {room.memberCount === 1 ? 'member' : 'members'} · ID {room.roomId}
                </span>
                {joined ? (
                  <button type="button" onClick={() => void store.open(conversationKey('room', room.roomId))}>
                    Open<span class="visually-hidden"> {room.name}</span>
                  </button>
                ) : (
                  <button type="button" class="primary" onClick={() => void store.joinRoom(room.roomId)}>
                    Join<span class="visually-hidden"> {room.name}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        {found?.nextAfter !== undefined && (
          <button type="button" class="wide" onClick={() => void more()}>
            More rooms
          </button>
        )}
      </div>
    </main>
  );
};

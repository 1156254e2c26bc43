import { useEffect, useRef, useState } from 'preact/hooks';
import type { RoomVisibility } from '../api/ws-frames';
import type { ChatStore } from '../state/chat-store';
import type { Conversation } from '../state/conversations';
import { RoomAdmin } from '../state/room-admin';
import { mayAddMembers, mayDeleteRoom, mayManageRoom } from '../state/room-permissions';
import { AddMember } from './AddMember';
import { attempt } from './attempt';
import { Field } from './Field';
import { MembersList } from './MembersList';

/**
 * The open room's details: its name and visibility (owner and admins change them), its
 * members (see MembersList), adding people where the caller's role allows, and deleting the
 * room (owner, after a confirmation).
 */
export const RoomPanel = ({
  store,
  conversation,
  usernames,
  id,
  onClose,
}: {
  store: ChatStore;
  conversation: Conversation;
  usernames: ReadonlyMap<number, string>;
  id: string;
  onClose: () => void;
}) => {
  const rooms = RoomAdmin.of(store.session);
  const room = conversation.room;
  const [name, setName] = useState(conversation.title);
  const [visibility, setVisibility] = useState<RoomVisibility>(room?.visibility ?? 'public');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [saved, setSaved] = useState('');
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmingDelete) confirmButton.current?.focus();
  }, [confirmingDelete]);
  useEffect(() => setName(conversation.title), [conversation.title]);
  useEffect(() => setVisibility(room?.visibility ?? 'public'), [room?.visibility]);

  if (room === undefined) {
    return (
      <section class="room-panel" id={id} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} tabIndex={-1}>
          Room details
        </h2>
        <p class="muted">Loading the room…</p>
      </section>
    );
  }
  const manages = mayManageRoom(room.role);
  const mayAdd = mayAddMembers(room.role, room.visibility);
  return (
    <section class="room-panel" id={id} aria-labelledby={`${id}-title`}>
      <div class="panel-title">
        <h2 id={`${id}-title`} tabIndex={-1}>
          Room details
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p class="muted">
        Room ID {conversation.id} · {room.visibility === 'private' ? 'Private: members add people' : 'Public: anyone can find and join'} · you are {room.role}
      </p>
      {manages && (
        <form
          class="room-settings"
          aria-label="Room settings"
          onSubmit={async (event) => {
            event.preventDefault();
            setSaved('');
            const change = { ...(name.trim() === conversation.title ? {} : { name: name.trim() }), ...(visibility === room.visibility ? {} : { visibility }) };
            if (Object.keys(change).length === 0) return;
            if (await attempt(store, () => rooms.update(conversation.id, change))) setSaved('Saved.');
          }}
        >
          <Field label="Name" value={name} onInput={setName} required maxLength={64} />
          <div class="field">
            <label for={`${id}-visibility`}>Visibility</label>
            <select id={`${id}-visibility`} value={visibility} onChange={(event) => setVisibility((event.target as HTMLSelectElement).value as RoomVisibility)}>
              <option value="public">Public: anyone can find and join</option>
              <option value="private">Private: members add people</option>
            </select>
          </div>
          <button type="submit" class="primary">
            Save changes
          </button>
          <span class="muted" role="status">
            {saved}
          </span>
        </form>
      )}
      {mayAdd && <AddMember store={store} roomId={conversation.id} />}
      <MembersList store={store} roomId={conversation.id} role={room.role} usernames={usernames} />
      {mayDeleteRoom(room.role) &&
        (confirmingDelete ? (
          <div class="confirm" role="group" aria-label="Delete this room?">
            <p>
              Delete “{conversation.title}” with all its messages, for everyone? This cannot be undone.
            </p>
            <button type="button" class="danger" ref={confirmButton} onClick={() => void attempt(store, () => rooms.deleteRoom(conversation.id))}>
              Yes, delete the room
            </button>
            <button type="button" onClick={() => setConfirmingDelete(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" class="danger wide" onClick={() => setConfirmingDelete(true)}>
            Delete room
          </button>
        ))}
    </section>
  );
};

import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ChatStore } from '../state/chat-store';
import type { Conversation } from '../state/conversations';
import { deleteMessage, editMessage } from '../state/message-edits';
import type { ChatMessage } from '../state/messages';
import { messageControls } from '../state/room-permissions';
import { attempt } from './attempt';

type Mode = 'idle' | 'editing' | 'confirming-delete';

/**
 * Edit and Delete for one message, where the caller may: their own messages, and in a room
 * any message for its owner and admins (delete only). Editing happens in place (Enter saves,
 * Escape cancels); deleting asks first. Focus comes back to the action afterwards.
 */
export const MessageActions = ({ store, conversation, message }: { store: ChatStore; conversation: Conversation; message: ChatMessage }) => {
  const [mode, setMode] = useState<Mode>('idle');
  const [text, setText] = useState(message.text);
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  // In the same commit as the box or button appears, so what is typed right after never lands elsewhere.
  useLayoutEffect(() => {
    if (mode === 'editing') box.current?.focus();
    if (mode === 'confirming-delete') confirmButton.current?.focus();
  }, [mode]);

  const mine = message.senderId === store.me.userId;
  const can = messageControls(store.me.userId, message.senderId, conversation.kind === 'room' ? conversation.room?.role : undefined);
  if (message.deleted === true || !can.delete) return null;

  const finish = (focus: HTMLButtonElement | null) => {
    setMode('idle');
    setBusy(false);
    requestAnimationFrame(() => focus?.focus());
  };
  const save = async () => {
    const wanted = text.trim();
    if (wanted === '' || busy) return;
    if (wanted === message.text) return finish(editButton.current);
    setBusy(true);
    const ok = await attempt(store, async () => {
      store.changeMessage(conversation.key, await editMessage(store.session, message.messageId, wanted));
    });
    if (ok) finish(editButton.current);
    else setBusy(false);
  };
  const remove = async () => {
    setBusy(true);
    // The message becomes a tombstone without actions: focus goes to the log it was in.
    const log = confirmButton.current?.closest<HTMLElement>('[role="log"]');
    const ok = await attempt(store, async () => {
      store.changeMessage(conversation.key, await deleteMessage(store.session, message.messageId));
    });
    if (ok) log?.focus();
    else finish(deleteButton.current);
  };

  if (mode === 'editing') {
    return (
      <form
        class="message-editor"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label for={id} class="visually-hidden">
          Edit message
        </label>
        <textarea
          id={id}
          ref={box}
          rows={2}
          maxLength={4000}
          value={text}
          aria-describedby={`${id}-hint`}
          onInput={(event) => setText((event.target as HTMLTextAreaElement).value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              setText(message.text);
              finish(editButton.current);
            } else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              void save();
            }
          }}
        />
        <span id={`${id}-hint`} class="visually-hidden">
          Enter saves, Escape cancels.
        </span>
        <div class="message-actions shown">
          <button type="submit" class="primary" disabled={busy}>
            Save
          </button>
          <button type="button" onClick={() => finish(editButton.current)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  if (mode === 'confirming-delete') {
    return (
      <div class="message-actions shown" role="group" aria-label="Delete this message?">
        <span>{mine ? 'Delete this message for everyone?' : 'Delete this message (as the room’s moderator)?'}</span>
        <button type="button" class="danger" ref={confirmButton} disabled={busy} onClick={() => void remove()}>
          Yes, delete
        </button>
        <button type="button" onClick={() => finish(deleteButton.current)}>
          Keep it
        </button>
      </div>
    );
  }
  return (
    <div class="message-actions" role="group" aria-label="Message actions">
      {can.edit && (
        <button
          type="button"
          class="small"
          ref={editButton}
          onClick={() => {
            setText(message.text);
            setMode('editing');
          }}
        >
          Edit
        </button>
      )}
      <button type="button" class="small" ref={deleteButton} onClick={() => setMode('confirming-delete')}>
        Delete
      </button>
    </div>
  );
};

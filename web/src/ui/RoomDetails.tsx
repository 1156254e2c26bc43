import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatStore } from '../state/chat-store';
import type { Conversation } from '../state/conversations';
import { RoomPanel } from './RoomPanel';

/**
 * "Room details": a button in the room's header that opens its panel (members, settings)
 * beside the messages, or over them on a phone. Escape or Close shuts it and gives focus back.
 */
export const RoomDetails = ({ store, conversation, usernames }: { store: ChatStore; conversation: Conversation; usernames: ReadonlyMap<number, string> }) => {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => toggle.current?.focus());
  };
  return (
    <>
      <button type="button" ref={toggle} aria-expanded={open} aria-controls={open ? 'room-details' : undefined} onClick={() => (open ? close() : setOpen(true))}>
        Room details
      </button>
      {open && (
        <div
          class="room-drawer"
          ref={panel}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <RoomPanel store={store} conversation={conversation} usernames={usernames} id="room-details" onClose={close} />
        </div>
      )}
    </>
  );
};

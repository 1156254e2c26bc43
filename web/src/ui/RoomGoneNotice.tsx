import { useEffect, useState } from 'preact/hooks';
import type { ChatStore } from '../state/chat-store';
import { conversationKey } from '../state/conversations';

/**
 * Says so when a room of the list goes away because someone else deleted it or removed the
 * signed-in person (the list drops it at the same time), until dismissed or the next one.
 */
export const RoomGoneNotice = ({ store }: { store: ChatStore }) => {
  const [notice, setNotice] = useState<string | undefined>();
  useEffect(
    () =>
      store.listenToFrames((frame) => {
        if (frame.type !== 'room.deleted' && frame.type !== 'room.member-removed') return;
        if (frame.byUserId === store.me.userId || (frame.type === 'room.member-removed' && frame.userId !== store.me.userId)) return;
        const room = store.state.conversations.get(conversationKey('room', frame.roomId));
        if (room === undefined) return;
        setNotice(frame.type === 'room.deleted' ? `The room “${room.title}” was deleted.` : `You were removed from the room “${room.title}”.`);
      }),
    [store],
  );
  return (
    <div class={notice === undefined ? 'notice' : 'notice shown'} role="status">
      {notice !== undefined && (
        <>
          <span>{notice}</span>
          <button type="button" class="link" onClick={() => setNotice(undefined)}>
            OK
          </button>
        </>
      )}
    </div>
  );
};

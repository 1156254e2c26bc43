import { InMemoryChatEventLog } from './in-memory.chat-event-log';
import { InMemoryMessageStore } from './in-memory.message-store';
import { InMemoryRoomMembership } from './in-memory.room-membership';
import { InMemoryRoomStore } from './in-memory.room-store';

/** Every in-memory chat store, the message store writing its announcements into the event log beside it. */
export const createInMemoryChatStorage = () => {
  const chatEventLog = new InMemoryChatEventLog();
  return {
    chatEventLog,
    messageStore: new InMemoryMessageStore({ chatEventLog }),
    roomStore: new InMemoryRoomStore(),
    roomMembership: new InMemoryRoomMembership(),
  };
};

import { describeRoomStoreContract } from '@chatterroom/test/contract/ports/chat/room-store.contract';
import { InMemoryRoomStore } from './in-memory.room-store';

describeRoomStoreContract('InMemoryRoomStore', async () => ({ store: new InMemoryRoomStore(), close: async () => {} }));

describe('InMemoryRoomStore', () => {
  it('hands out roomIds 1, 2, 3...', async () => {
    const store = new InMemoryRoomStore();
    const room = { name: 'r', createdBy: 1, createdAt: new Date(0).toISOString(), visibility: 'public' as const };
    const ids = [(await store.create(room)).roomId, (await store.create(room)).roomId, (await store.create(room)).roomId];
    expect(ids).toEqual([1, 2, 3]);
  });
});

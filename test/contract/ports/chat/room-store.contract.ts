import { isPositiveInt32 } from '../../../../modules/kernel';
import type { RoomStore } from '../../../../modules/chat/ports';

export interface RoomStoreSubject {
  readonly store: RoomStore;
  close(): Promise<void>;
}

/**
 * The {@link RoomStore} contract, run against every adapter. Assumes nothing about
 * rooms already stored: each test creates its own.
 */
export const describeRoomStoreContract = (name: string, makeSubject: () => Promise<RoomStoreSubject>): void => {
  describe(`RoomStore contract: ${name}`, () => {
    let subject: RoomStoreSubject;
    const store = (): RoomStore => subject.store;
    const newRoom = (label = 'room') => ({
      name: `${label} ${Math.random().toString(36).slice(2, 10)}`,
      createdBy: 1 + Math.floor(Math.random() * 1_000_000),
      createdAt: new Date().toISOString(),
    });

    beforeAll(async () => {
      subject = await makeSubject();
    });
    afterAll(async () => {
      await subject.close();
    });

    it('stores a room under a fresh positive int32 roomId and returns it', async () => {
      const input = newRoom();
      const room = await store().create(input);
      expect(isPositiveInt32(room.roomId)).toBe(true);
      expect(room).toEqual({ roomId: room.roomId, ...input });
      expect(await store().findById(room.roomId)).toEqual(room);
    });

    it('never hands out the same roomId twice, even to concurrent creates', async () => {
      const rooms = await Promise.all(Array.from({ length: 10 }, () => store().create(newRoom())));
      expect(new Set(rooms.map((room) => room.roomId)).size).toBe(10);
      const later = await store().create(newRoom());
      expect(rooms.map((room) => room.roomId)).not.toContain(later.roomId);
    });

    it('keeps two rooms of the same name apart', async () => {
      const input = newRoom('twin');
      const first = await store().create(input);
      const second = await store().create(input);
      expect(second.roomId).not.toBe(first.roomId);
      expect(await store().findById(second.roomId)).toEqual(second);
    });

    it('returns null for a roomId nobody has', async () => {
      expect(await store().findById(2_147_483_647)).toBeNull();
    });

    it('finds many rooms by id, ascending, leaving unknown ids out', async () => {
      const a = await store().create(newRoom('a'));
      const b = await store().create(newRoom('b'));
      const c = await store().create(newRoom('c'));
      const found = await store().findManyByIds([c.roomId, 2_147_483_647, a.roomId, b.roomId, a.roomId]);
      expect(found).toEqual([a, b, c].sort((x, y) => x.roomId - y.roomId));
    });

    it('finds nothing for no ids or only unknown ones', async () => {
      expect(await store().findManyByIds([])).toEqual([]);
      expect(await store().findManyByIds([2_147_483_647, 2_147_483_646])).toEqual([]);
    });

    it('returns copies: changing a returned room changes nothing stored', async () => {
      const room = await store().create(newRoom());
      (room as { name: string }).name = 'changed';
      const found = await store().findById(room.roomId);
      expect(found?.name).not.toBe('changed');
      (found as { name: string }).name = 'changed again';
      expect((await store().findManyByIds([room.roomId]))[0]?.name).not.toBe('changed again');
    });
  });
};

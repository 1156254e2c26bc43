import { isPositiveInt32 } from '@chatterroom/kernel';
import type { RoomVisibility } from '@chatterroom/chat/contracts';
import type { RoomStore } from '@chatterroom/chat/ports';

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
    const newRoom = (label = 'room', visibility: RoomVisibility = 'public') => ({
      name: `${label} ${Math.random().toString(36).slice(2, 10)}`,
      createdBy: 1 + Math.floor(Math.random() * 1_000_000),
      createdAt: new Date().toISOString(),
      visibility,
    });
    const unique = (): string => Math.random().toString(36).slice(2, 12);

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

    it('keeps a private room private', async () => {
      const room = await store().create(newRoom('secret', 'private'));
      expect(room.visibility).toBe('private');
      expect(await store().findById(room.roomId)).toEqual(room);
    });

    it('renames a room and changes its visibility, each alone or both, and returns it after the change', async () => {
      const room = await store().create(newRoom());
      expect(await store().update(room.roomId, { name: 'Renamed' })).toEqual({ ...room, name: 'Renamed' });
      expect(await store().update(room.roomId, { visibility: 'private' })).toEqual({ ...room, name: 'Renamed', visibility: 'private' });
      expect(await store().update(room.roomId, { name: 'Again', visibility: 'public' })).toEqual({ ...room, name: 'Again' });
      expect(await store().update(room.roomId, {})).toEqual({ ...room, name: 'Again' });
      expect(await store().findById(room.roomId)).toEqual({ ...room, name: 'Again' });
    });

    it('answers null when updating a room nobody has', async () => {
      expect(await store().update(2_147_483_647, { name: 'x' })).toBeNull();
    });

    it('deletes a room once, and never hands its roomId out again', async () => {
      const room = await store().create(newRoom());
      expect(await store().delete(room.roomId)).toBe(true);
      expect(await store().delete(room.roomId)).toBe(false);
      expect(await store().findById(room.roomId)).toBeNull();
      expect(await store().findManyByIds([room.roomId])).toEqual([]);
      expect((await store().create(newRoom())).roomId).toBeGreaterThan(room.roomId);
    });

    it('lists public rooms matching a query case-insensitively, by roomId, never private ones', async () => {
      const tag = unique();
      const a = await store().create({ ...newRoom(), name: `Alpha ${tag} Team` });
      await store().create({ ...newRoom('', 'private'), name: `alpha ${tag} secret` });
      const b = await store().create({ ...newRoom(), name: `ÉQUIPE ${tag.toUpperCase()}` });
      await store().create({ ...newRoom(), name: `other ${unique()}` });
      expect(await store().listPublic({ query: tag, limit: 10 })).toEqual([a, b]);
      expect(await store().listPublic({ query: `équipe ${tag}`, limit: 10 })).toEqual([b]);
      expect(await store().listPublic({ query: `ALPHA ${tag}`, limit: 10 })).toEqual([a]);
    });

    it('pages the directory by roomId from `after`', async () => {
      const tag = unique();
      const rooms = [];
      for (let i = 0; i < 5; i += 1) rooms.push(await store().create({ ...newRoom(), name: `page ${tag} ${i}` }));
      const first = await store().listPublic({ query: tag, limit: 2 });
      expect(first).toEqual(rooms.slice(0, 2));
      expect(await store().listPublic({ query: tag, after: first[1]!.roomId, limit: 2 })).toEqual(rooms.slice(2, 4));
      expect(await store().listPublic({ query: tag, after: rooms[3]!.roomId, limit: 2 })).toEqual(rooms.slice(4));
    });

    it('treats the query as text, not a pattern', async () => {
      const tag = unique();
      const dotted = await store().create({ ...newRoom(), name: `a.b*(${tag})%_` });
      await store().create({ ...newRoom(), name: `axb ${tag}` });
      expect(await store().listPublic({ query: `.b*(${tag})%_`, limit: 10 })).toEqual([dotted]);
    });

    it('lists every public room when the query is empty, and drops a room made private', async () => {
      const room = await store().create(newRoom());
      const listed = async () => (await store().listPublic({ after: room.roomId - 1, limit: 1 }))[0]?.roomId;
      expect(await listed()).toBe(room.roomId);
      await store().update(room.roomId, { visibility: 'private' });
      expect(await listed()).not.toBe(room.roomId);
    });
  });
};

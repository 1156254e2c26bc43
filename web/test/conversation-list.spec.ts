import { fromListItem, mergeListed } from '../src/state/conversation-list';
import { newConversation } from '../src/state/conversations';

const item = {
  kind: 'private' as const,
  peer: { userId: 2, username: 'bob' },
  lastMessage: { messageId: 'm3', kind: 'private' as const, senderId: 2, recipientId: 1, message: 'hi', timestamp: '2026-01-01T00:00:03.000Z', seq: 3 },
  lastSeq: 3,
  readSeq: 1,
  unreadCount: 2,
  updatedAt: '2026-01-01T00:00:03.000Z',
};

describe('the conversation list from GET /conversations', () => {
  it('names a private chat by the peer and a room by its name, with the counts and the preview', () => {
    expect(fromListItem(item)).toMatchObject({ key: 'private:2', title: 'bob', unread: 2, lastSeq: 3, readSeq: 1, lastMessage: { text: 'hi', seq: 3 } });
    const room = fromListItem({ ...item, kind: 'room', peer: undefined, room: { roomId: 9, name: 'team', visibility: 'public' }, lastMessage: null });
    expect(room).toMatchObject({ key: 'room:9', title: 'team', lastMessage: undefined, peerReadSeq: 0 });
  });

  it("takes the peer's read marker (\"Seen\") from the list; null or absent is nothing read", () => {
    expect(fromListItem({ ...item, peerReadSeq: 3 })).toMatchObject({ peerReadSeq: 3 });
    expect(fromListItem({ ...item, peerReadSeq: null })).toMatchObject({ peerReadSeq: 0 });
    expect(fromListItem(item)).toMatchObject({ peerReadSeq: 0 });
  });

  it('keeps what pushes already brought further than the page (a message or my marker after the list was read)', () => {
    const listed = fromListItem(item)!;
    const pushed = { ...newConversation('private', 2, 'bob', '2026-01-01T00:00:04.000Z'), lastSeq: 4, readSeq: 1, unread: 3, lastMessage: { senderId: 2, text: 'new', seq: 4 } };
    expect(mergeListed(pushed, listed)).toMatchObject({ lastSeq: 4, unread: 3, lastMessage: { text: 'new' }, updatedAt: '2026-01-01T00:00:04.000Z' });
    const readHere = { ...listed, readSeq: 3, unread: 0 };
    expect(mergeListed(readHere, listed)).toMatchObject({ readSeq: 3, unread: 0 });
    expect(mergeListed(undefined, listed)).toBe(listed);
    const seenLive = { ...listed, peerReadSeq: 3 };
    expect(mergeListed(seenLive, listed)).toMatchObject({ peerReadSeq: 3 });
    expect(mergeListed(listed, { ...listed, peerReadSeq: 2 })).toMatchObject({ peerReadSeq: 2 });
  });
});

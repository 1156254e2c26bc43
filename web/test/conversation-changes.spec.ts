import { seenMessageId, seqToMarkRead, withChangedMessage, withMessage, withPeerReadMarker, withReadMarker } from '../src/state/conversation-changes';
import { newConversation, sortConversations, type Conversation } from '../src/state/conversations';
import type { ChatMessage } from '../src/state/messages';

const ME = 1;
const PEER = 2;
const message = (seq: number, senderId = PEER): ChatMessage => ({
  messageId: `m${seq}`,
  senderId,
  text: `text ${seq}`,
  timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
  seq,
});
const chat = (change: Partial<Conversation> = {}): Conversation => ({ ...newConversation('private', PEER, 'bob', '2026-01-01T00:00:00.000Z'), ...change });

describe('a conversation as messages and read markers arrive', () => {
  it("counts someone else's new message as unread while I am not looking, and moves it to the top", () => {
    const older = newConversation('room', 5, 'team', '2026-01-01T00:00:00.500Z');
    const updated = withMessage(chat(), message(1), ME, false);
    expect(updated).toMatchObject({ unread: 1, lastSeq: 1, lastMessage: { text: 'text 1', senderId: PEER } });
    expect(sortConversations([older, updated]).map((conversation) => conversation.title)).toEqual(['bob', 'team']);
  });

  it('counts nothing twice: the same message live and replayed after a resume', () => {
    const once = withMessage(chat(), message(1), ME, false);
    expect(withMessage(once, message(1), ME, false)).toBe(once);
  });

  it('counts nothing while I look at it, nor what I write (which moves my marker)', () => {
    expect(withMessage(chat(), message(1), ME, true).unread).toBe(0);
    const mine = withMessage(chat({ unread: 2, lastSeq: 2 }), message(3, ME), ME, false);
    expect(mine).toMatchObject({ unread: 0, readSeq: 3, lastSeq: 3 });
  });

  it('clears the badge when my marker reaches the newest message, and only moves the marker forward', () => {
    const unread = chat({ unread: 3, lastSeq: 3 });
    expect(withReadMarker(unread, 1).unread).toBe(2);
    const read = withReadMarker(unread, 3);
    expect(read).toMatchObject({ unread: 0, readSeq: 3 });
    expect(withReadMarker(read, 2)).toBe(read);
  });

  it('says "seen" under my newest message once the peer\'s marker reaches it, not before', () => {
    const sent = withMessage(withMessage(chat(), message(1, ME), ME, true), message(2, ME), ME, true);
    expect(seenMessageId(sent, ME)).toBeUndefined();
    expect(seenMessageId(withPeerReadMarker(sent, 1), ME)).toBeUndefined();
    expect(seenMessageId(withPeerReadMarker(sent, 2), ME)).toBe('m2');
    expect(seenMessageId({ ...withPeerReadMarker(sent, 2), kind: 'room' }, ME)).toBeUndefined();
  });

  it('asks to mark read only what is newer than my marker', () => {
    expect(seqToMarkRead(chat({ lastSeq: 4, readSeq: 2 }))).toBe(4);
    expect(seqToMarkRead(chat({ lastSeq: 4, readSeq: 4 }))).toBeUndefined();
  });

  it('shows an edit in place and in the preview when it is the newest message; a deletion uncounts an unread message once', () => {
    const two = withMessage(withMessage(chat(), message(1), ME, false), message(2), ME, false);
    const edited = withChangedMessage(two, { ...message(2), text: 'fixed', editedAt: '2026-01-01T00:01:00.000Z' }, ME);
    expect(edited.messages.map((m) => m.text)).toEqual(['text 1', 'fixed']);
    expect(edited.lastMessage?.text).toBe('fixed');
    const tombstone = { messageId: 'm2', senderId: 0, text: '', timestamp: '', seq: 2, deleted: true as const };
    const deleted = withChangedMessage(edited, tombstone, ME);
    expect(deleted).toMatchObject({ unread: 1, lastMessage: { deleted: true } });
    expect(withChangedMessage(deleted, tombstone, ME)).toBe(deleted);
    expect(withChangedMessage(deleted, { ...message(1), text: 'older edit' }, ME).lastMessage).toBe(deleted.lastMessage);
  });
});

import { withChangedMessage } from '../src/state/conversation-changes';
import type { Conversation } from '../src/state/conversations';
import { fromPush, fromTombstone } from '../src/state/history-api';
import { conversationOf } from '../src/state/message-changes';
import type { ChatMessage } from '../src/state/messages';

const ME = 1;
const message = (seq: number, text = `text ${seq}`): ChatMessage => ({ messageId: `m${seq}`, senderId: 7, text, timestamp: new Date(seq * 1000).toISOString(), seq });
const pushed = (seq: number) => ({ messageId: `m${seq}`, kind: 'private' as const, senderId: 7, recipientId: ME, message: `text ${seq}`, timestamp: new Date(seq * 1000).toISOString(), seq });

describe('a changed message, pushed or answered to my own edit or delete (withChangedMessage, the one path)', () => {
  const chat = (...messages: ChatMessage[]): Conversation => ({
    key: 'private:7', kind: 'private', id: 7, title: 'x', messages, loaded: true, reachedStart: true,
    lastSeq: messages.at(-1)?.seq ?? 0, readSeq: 0, peerReadSeq: 0, unread: 0, updatedAt: '',
    lastMessage: messages.length === 0 ? undefined : { senderId: 7, text: messages.at(-1)?.text ?? '', seq: messages.length },
  });
  const editedAt = '2026-01-01T00:00:00.000Z';

  it('an edit (the PATCH answer or its push) replaces the text in place and records when', () => {
    const changed = withChangedMessage(chat(message(1), message(2), message(3)), fromPush({ ...pushed(2), message: 'fixed', editedAt }), ME);
    expect(changed.messages.map((m) => m.text)).toEqual(['text 1', 'fixed', 'text 3']);
    expect(changed.messages[1]).toMatchObject({ messageId: 'm2', seq: 2, senderId: 7, editedAt });
  });

  it('a deletion (the DELETE answer or its push) leaves a tombstone at the same place, with no text or author', () => {
    const changed = withChangedMessage(chat(message(1), message(2), message(3)), fromTombstone({ messageId: 'm2', seq: 2 }), ME);
    expect(changed.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(changed.messages[1]).toEqual({ messageId: 'm2', senderId: 0, text: '', timestamp: '', seq: 2, deleted: true });
  });

  it('a deleted message is not brought back by a late edit, in the log or in the preview', () => {
    const deleted = withChangedMessage(chat(message(1)), fromTombstone({ messageId: 'm1', seq: 1 }), ME);
    expect(deleted.lastMessage).toMatchObject({ deleted: true });
    expect(withChangedMessage(deleted, fromPush({ ...pushed(1), message: 'again' }), ME)).toBe(deleted);
  });

  it('returns the same conversation for a message not loaded or an edit already shown (the push of one own edit)', () => {
    const known = chat(message(1, 'same'));
    expect(withChangedMessage(known, fromTombstone({ messageId: 'elsewhere', seq: 9 }), ME)).toBe(known);
    const edited = withChangedMessage(known, fromPush({ ...pushed(1), message: 'new', editedAt }), ME);
    expect(edited).not.toBe(known);
    expect(withChangedMessage(edited, fromPush({ ...pushed(1), message: 'new', editedAt }), ME)).toBe(edited);
  });
});

describe('conversationOf', () => {
  it('a room message belongs to its room; a private one to the other person, whoever sent it', () => {
    expect(conversationOf({ messageId: 'a', kind: 'room', senderId: 2, roomId: 5, seq: 1, deleted: true }, 1)).toBe('room:5');
    expect(conversationOf({ messageId: 'a', kind: 'private', senderId: 2, recipientId: 1, message: 'x', timestamp: 'T', seq: 1 }, 1)).toBe('private:2');
    expect(conversationOf({ messageId: 'a', kind: 'private', senderId: 1, recipientId: 2, message: 'x', timestamp: 'T', seq: 1 }, 1)).toBe('private:2');
  });
});

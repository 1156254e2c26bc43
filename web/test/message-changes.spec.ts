import { applyMessageChange, conversationOf } from '../src/state/message-changes';
import type { ChatMessage } from '../src/state/messages';

const message = (seq: number, text = `text ${seq}`): ChatMessage => ({ messageId: `m${seq}`, senderId: 7, text, timestamp: new Date(seq * 1000).toISOString(), seq });

describe('applyMessageChange', () => {
  it('an edit replaces the text in place and records when', () => {
    const changed = applyMessageChange([message(1), message(2), message(3)], { kind: 'edited', messageId: 'm2', text: 'fixed', editedAt: '2026-01-01T00:00:00.000Z' });
    expect(changed.map((m) => m.text)).toEqual(['text 1', 'fixed', 'text 3']);
    expect(changed[1]).toMatchObject({ messageId: 'm2', seq: 2, senderId: 7, editedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('a deletion leaves a tombstone at the same place, with no text or author', () => {
    const changed = applyMessageChange([message(1), message(2), message(3)], { kind: 'deleted', messageId: 'm2', seq: 2 });
    expect(changed.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(changed[1]).toEqual({ messageId: 'm2', senderId: 0, text: '', timestamp: '', seq: 2, deleted: true });
  });

  it('a deleted message is not brought back by a late edit', () => {
    const deleted = applyMessageChange([message(1)], { kind: 'deleted', messageId: 'm1', seq: 1 });
    expect(applyMessageChange(deleted, { kind: 'edited', messageId: 'm1', text: 'again', editedAt: undefined })).toBe(deleted);
  });

  it('returns the same list for a message not loaded or an edit already shown (the push of one own edit)', () => {
    const known = [message(1, 'same')];
    expect(applyMessageChange(known, { kind: 'deleted', messageId: 'elsewhere', seq: 9 })).toBe(known);
    const edited = applyMessageChange(known, { kind: 'edited', messageId: 'm1', text: 'new', editedAt: 'T' });
    expect(applyMessageChange(edited, { kind: 'edited', messageId: 'm1', text: 'new', editedAt: 'T' })).toBe(edited);
  });
});

describe('conversationOf', () => {
  it('a room message belongs to its room; a private one to the other person, whoever sent it', () => {
    expect(conversationOf({ messageId: 'a', kind: 'room', senderId: 2, roomId: 5, seq: 1, deleted: true }, 1)).toBe('room:5');
    expect(conversationOf({ messageId: 'a', kind: 'private', senderId: 2, recipientId: 1, message: 'x', timestamp: 'T', seq: 1 }, 1)).toBe('private:2');
    expect(conversationOf({ messageId: 'a', kind: 'private', senderId: 1, recipientId: 2, message: 'x', timestamp: 'T', seq: 1 }, 1)).toBe('private:2');
  });
});

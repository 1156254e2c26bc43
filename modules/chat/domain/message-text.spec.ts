import { optionalClientMessageId } from './client-message-id';
import { requireMessageText } from './message-text';
import { requireRoomName } from './room-name';
import { codePointLength } from './text-length';

describe('chat text rules', () => {
  it('counts code points, stopping just past the cap', () => {
    expect(codePointLength('', 5)).toBe(0);
    expect(codePointLength('a\u{1F600}b', 5)).toBe(3);
    expect(codePointLength('\u{1F600}'.repeat(5), 5)).toBe(5);
    expect(codePointLength('\u{1F600}'.repeat(6), 5)).toBe(6);
    expect(codePointLength('x'.repeat(1_000_000), 5)).toBe(6);
  });

  it('keeps message text exactly as given', () => {
    expect(requireMessageText('  spaced\n')).toBe('  spaced\n');
  });

  it('counts an astral character as one, a lone surrogate as one', () => {
    expect(requireMessageText('\u{1F600}'.repeat(4000))).toHaveLength(8000);
    expect(() => requireMessageText('\u{1F600}'.repeat(4001))).toThrow('1-4000');
    expect(requireMessageText('\ud800')).toBe('\ud800');
  });

  it('trims room names and limits clientMessageIds', () => {
    expect(requireRoomName(' \u{1F600} ')).toBe('\u{1F600}');
    expect(optionalClientMessageId(null)).toBeUndefined();
    expect(optionalClientMessageId('\u{1F600}'.repeat(64))).toHaveLength(128);
    expect(() => optionalClientMessageId('\u{1F600}'.repeat(65))).toThrow('clientMessageId');
  });
});

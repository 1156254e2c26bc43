import { DomainError } from '@chatterroom/kernel';
import { optionalClientMessageId } from './client-message-id';
import { requireMessageText } from './message-text';
import { requireRoomName } from './room-name';
import { requireCodePointsWithin, requireString } from './text-length';

const messageOf = (check: () => unknown): string => {
  try {
    check();
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
  return 'passed';
};

describe('text rules shared by message text, clientMessageId and room names', () => {
  it('requireString names the field of a non-string', () => {
    expect(requireString('', 'x')).toBe('');
    expect(messageOf(() => requireString(3, 'x'))).toBe('x must be a string');
  });

  it('requireCodePointsWithin counts code points (an emoji is one) and names the bound', () => {
    expect(requireCodePointsWithin('😀😀', 'x', 2)).toBe('😀😀');
    expect(messageOf(() => requireCodePointsWithin('abc', 'x', 2))).toBe('x must be 1-2 characters');
    expect(messageOf(() => requireCodePointsWithin('', 'x', 2, ' once trimmed'))).toBe('x must be 1-2 characters once trimmed');
  });

  it('keeps each rule its own messages', () => {
    expect(messageOf(() => requireMessageText(5))).toBe('message must be a string');
    expect(messageOf(() => requireMessageText(''))).toBe('message must be 1-4000 characters');
    expect(messageOf(() => requireMessageText('x'.repeat(4001)))).toBe('message must be 1-4000 characters');
    expect(messageOf(() => requireMessageText('   '))).toBe('message must not be only whitespace');
    expect(requireMessageText(' hi ')).toBe(' hi ');
    expect(optionalClientMessageId(null)).toBeUndefined();
    expect(messageOf(() => optionalClientMessageId(''))).toBe('clientMessageId must be 1-64 characters');
    expect(messageOf(() => optionalClientMessageId(1))).toBe('clientMessageId must be a string');
    expect(requireRoomName('  general ')).toBe('general');
    expect(messageOf(() => requireRoomName('   '))).toBe('name must be 1-64 characters once trimmed');
    expect(messageOf(() => requireRoomName('x'.repeat(65)))).toBe('name must be 1-64 characters once trimmed');
  });
});

import { TYPING_SEND_EVERY_MS, TYPING_SHOWN_MS, TypingBoard, TypingThrottle, typingText } from '../src/state/typing';

describe('typing indicators', () => {
  afterEach(() => jest.useRealTimers());

  it('shows who types until TYPING_SHOWN_MS after their last frame, or until they send', () => {
    jest.useFakeTimers({ now: 0 });
    const changes = jest.fn();
    const board = new TypingBoard(changes);
    board.typing('private:2', 2, 0);
    board.typing('room:5', 3, 0);
    expect(board.typists('private:2', 1)).toEqual([2]);
    jest.advanceTimersByTime(TYPING_SHOWN_MS + 1);
    expect(board.typists('private:2')).toEqual([]);
    expect(changes).toHaveBeenCalledTimes(3);
    board.typing('room:5', 3);
    board.stopped('room:5', 3);
    expect(board.typists('room:5')).toEqual([]);
    board.stop();
  });

  it('lets a typing frame out at most once every TYPING_SEND_EVERY_MS per conversation, and says how long until the next may go', () => {
    const throttle = new TypingThrottle();
    expect(throttle.admit('private:2', 0)).toBe(0);
    expect(throttle.admit('private:2', TYPING_SEND_EVERY_MS - 500)).toBe(500);
    expect(throttle.admit('room:5', 1)).toBe(0);
    expect(throttle.admit('private:2', TYPING_SEND_EVERY_MS)).toBe(0);
    expect(throttle.admit('private:2', TYPING_SEND_EVERY_MS + 1)).toBe(TYPING_SEND_EVERY_MS - 1);
  });

  it('says who, in words', () => {
    expect(typingText([])).toBe('');
    expect(typingText(['alice'])).toBe('alice is typing…');
    expect(typingText(['alice', 'bob'])).toBe('alice and bob are typing…');
    expect(typingText(['a', 'b', 'c'])).toBe('3 people are typing…');
  });
});

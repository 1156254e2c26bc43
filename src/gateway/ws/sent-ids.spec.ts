import { SentIds } from './sent-ids';

describe('SentIds', () => {
  it('drops a live frame a replay already sent, and a replayed frame already sent live or replayed', () => {
    const sent = new SentIds(8);
    expect(sent.addLive('a')).toBe(true);
    expect(sent.addReplayed('a')).toBe(false);
    expect(sent.addReplayed('b')).toBe(true);
    expect(sent.addReplayed('b')).toBe(false);
    expect(sent.addLive('b')).toBe(false);
    expect(sent.addLive('c')).toBe(true);
  });

  it('forgets the oldest ids past its capacity, replayed ones included', () => {
    const sent = new SentIds(2);
    expect(sent.addReplayed('r')).toBe(true);
    sent.addLive('x');
    sent.addLive('y');
    expect(sent.addLive('r')).toBe(true);
    expect(sent.addReplayed('x')).toBe(true);
    expect(sent.addReplayed('r')).toBe(false);
  });
});

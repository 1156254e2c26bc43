import { EventEmitter } from 'node:events';
import { WebSocket } from 'ws';
import { createEvent, silentLogger } from '@chatterroom/kernel';
import { SESSION_REVOKED_V1 } from '@chatterroom/users/contracts';
import { FakeEventBus } from '@chatterroom/test/kits/gateway/fake-event-bus';
import { SocketSessions } from './socket-sessions';

/** Just enough of a WebSocket: its state, and the close it was asked for. */
class FakeSocket extends EventEmitter {
  readyState: number = WebSocket.OPEN;
  closedWith: { code: number; reason: string } | undefined;
  close(code: number, reason: string): void {
    this.closedWith = { code, reason };
    this.readyState = WebSocket.CLOSED;
    this.emit('close');
  }
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const revocation = (sessionId: string) =>
  createEvent(SESSION_REVOKED_V1, { userId: 1, sessionId, tokensValidUntil: inAnHour() });

describe('SocketSessions', () => {
  const setUp = () => new SocketSessions({ eventBus: new FakeEventBus(), logger: silentLogger });
  const track = (sessions: SocketSessions, sessionId: string, expiresAt = inAnHour(), revokedCode = 4401) => {
    const socket = new FakeSocket();
    sessions.track({ socket: socket as unknown as WebSocket, revokedCode }, { userId: 1, sessionId, expiresAt });
    return socket;
  };

  it('closes every socket of a revoked session with its code, and no other', () => {
    const sessions = setUp();
    const chat = track(sessions, 's1', undefined, 4401);
    const graphql = track(sessions, 's1', undefined, 4403);
    const other = track(sessions, 's2');
    sessions.onRevoked(revocation('s1'));
    expect(chat.closedWith).toEqual({ code: 4401, reason: 'Session revoked' });
    expect(graphql.closedWith).toEqual({ code: 4403, reason: 'Session revoked' });
    expect(other.closedWith).toBeUndefined();
    sessions.stop();
  });

  it('closes at once a socket of a session revoked before it was tracked', () => {
    const sessions = setUp();
    sessions.onRevoked(revocation('late'));
    expect(track(sessions, 'late').closedWith).toEqual({ code: 4401, reason: 'Session revoked' });
  });

  it('closes a socket whose token has expired with 4401', () => {
    const sessions = setUp();
    expect(track(sessions, 's', new Date(Date.now() - 1).toISOString()).closedWith).toEqual({ code: 4401, reason: 'Token expired' });
  });

  it('moves a renewed socket to its new session', () => {
    const sessions = setUp();
    const socket = track(sessions, 'old');
    sessions.renew(socket as unknown as WebSocket, { userId: 1, sessionId: 'new', expiresAt: inAnHour() });
    sessions.onRevoked(revocation('old'));
    expect(socket.closedWith).toBeUndefined();
    sessions.onRevoked(revocation('new'));
    expect(socket.closedWith).toEqual({ code: 4401, reason: 'Session revoked' });
  });

  it('closes each socket when its own token expires, on one timer for all of them, and not after it closed or was renewed', () => {
    jest.useFakeTimers({ now: Date.parse('2026-01-01T00:00:00Z') });
    try {
      const sessions = setUp();
      const at = (seconds: number) => new Date(Date.now() + seconds * 1_000).toISOString();
      const late = track(sessions, 'late', at(30));
      const early = track(sessions, 'early', at(10));
      const renewed = track(sessions, 'renewed', at(20));
      const gone = track(sessions, 'gone', at(15));
      gone.close(1000, 'bye');
      sessions.renew(renewed as unknown as WebSocket, { userId: 1, sessionId: 'renewed', expiresAt: at(40) });
      expect(jest.getTimerCount()).toBe(1);
      jest.advanceTimersByTime(10_000);
      expect(early.closedWith).toEqual({ code: 4401, reason: 'Token expired' });
      expect(late.closedWith).toBeUndefined();
      jest.advanceTimersByTime(20_000);
      expect(late.closedWith).toEqual({ code: 4401, reason: 'Token expired' });
      expect(renewed.closedWith).toBeUndefined();
      expect(gone.closedWith).toEqual({ code: 1000, reason: 'bye' });
      jest.advanceTimersByTime(10_000);
      expect(renewed.closedWith).toEqual({ code: 4401, reason: 'Token expired' });
      expect(jest.getTimerCount()).toBe(0);
      sessions.stop();
    } finally {
      jest.useRealTimers();
    }
  });
});

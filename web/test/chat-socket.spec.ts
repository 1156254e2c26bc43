import type { AuthSession } from '../src/api/auth-session';
import { ChatSocket, type ConnectionState, type ReadyKind } from '../src/api/chat-socket';
import type { ServerFrame } from '../src/api/ws-frames';
import { FakeWebSocket } from './support/fake-web-socket';


const flush = () => jest.advanceTimersByTimeAsync(0);

describe('the chat socket: resume from the feed cursor', () => {
  const readies: ReadyKind[] = [];
  const states: ConnectionState['status'][] = [];
  const frames: ServerFrame[] = [];
  let socket: ChatSocket;
  const latest = () => FakeWebSocket.opened.at(-1)!;

  beforeEach(async () => {
    jest.useFakeTimers();
    FakeWebSocket.opened = [];
    readies.length = 0;
    states.length = 0;
    frames.length = 0;
    Object.assign(globalThis, { WebSocket: FakeWebSocket, addEventListener: () => undefined, removeEventListener: () => undefined });
    Object.defineProperty(globalThis.navigator, 'onLine', { value: true, configurable: true });
    const auth = { call: async () => ({ ticket: 'ticket' }) } as unknown as AuthSession;
    socket = new ChatSocket(auth, { onFrame: (frame) => frames.push(frame), onReady: (kind) => readies.push(kind), onState: (state) => states.push(state.status) }, 'ws://gateway/ws/chat');
    socket.start();
    await flush();
  });

  afterEach(() => {
    socket.stop();
    jest.useRealTimers();
  });

  it('reopens from the last cursor pushed, catches up, and is live again once the server says resumed', async () => {
    expect(latest().since).toBeNull();
    latest().push({ type: 'ready', userId: 1, cursor: 'c1' });
    latest().push({ type: 'message', cursor: 'c2', message: { messageId: 'm1', kind: 'private', senderId: 2, recipientId: 1, message: 'hi', timestamp: '2026-01-01T00:00:00.000Z', seq: 1 } });
    latest().push({ type: 'typing', userId: 2 });
    expect(readies).toEqual(['first']);

    latest().end();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(FakeWebSocket.opened).toHaveLength(2);
    expect(latest().since).toBe('c2');
    latest().push({ type: 'ready', userId: 1, cursor: 'c2' });
    expect(states.at(-1)).toBe('catching-up');
    latest().push({ type: 'message', cursor: 'c3', message: { messageId: 'm2', kind: 'private', senderId: 2, recipientId: 1, message: 'missed', timestamp: '2026-01-01T00:00:01.000Z', seq: 2 } });
    latest().push({ type: 'resumed', cursor: 'c3', replayed: 1 });
    expect(readies).toEqual(['first', 'resumed']);
    expect(states.at(-1)).toBe('online');
    expect(frames.filter((frame) => frame.type === 'message')).toHaveLength(2);

    latest().end();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(latest().since).toBe('c3');
  });

  it('drops a cursor the server refuses twice at the upgrade and starts afresh', async () => {
    latest().push({ type: 'ready', userId: 1, cursor: 'c1' });
    latest().end();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(latest().since).toBe('c1');
    latest().end();
    await jest.advanceTimersByTimeAsync(2_000);
    expect(latest().since).toBe('c1');
    latest().end();
    await jest.advanceTimersByTimeAsync(4_000);
    expect(FakeWebSocket.opened).toHaveLength(4);
    expect(latest().since).toBeNull();
    latest().push({ type: 'ready', userId: 1, cursor: 'c9' });
    expect(readies).toEqual(['first', 'fresh']);
  });

  it('answers a request with its ack, or rejects it with its error', async () => {
    latest().push({ type: 'ready', userId: 1, cursor: 'c1' });
    const watching = socket.request({ type: 'presence.subscribe', userIds: [2] });
    const refused = socket.request({ type: 'presence.subscribe', userIds: [] });
    const [first, second] = latest().sent.filter((frame) => frame.type === 'presence.subscribe');
    latest().push({ type: 'ack', id: first!.id, result: { users: [{ userId: 2, status: 'online' }] } });
    latest().push({ type: 'error', id: second!.id, code: 'VALIDATION_FAILED', message: 'no' });
    await expect(watching).resolves.toEqual({ users: [{ userId: 2, status: 'online' }] });
    await expect(refused).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(frames.some((frame) => frame.type === 'ack')).toBe(false);
  });
});

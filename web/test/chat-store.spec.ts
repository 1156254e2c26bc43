import { ApiError } from '../src/api/api-error';
import type { AuthSession } from '../src/api/auth-session';
import { ChatStore } from '../src/state/chat-store';
import type { ConversationKey } from '../src/state/conversations';
import { FakeWebSocket } from './support/fake-web-socket';

class Failure {
  constructor(readonly error: Error) {}
}

interface Deferred {
  resolve(value: unknown): void;
}

/**
 * The gateway's HTTP API as the store calls it (`method path`, the path as in the OpenAPI
 * document): an answer given now, or one the test gives later (`hold`), to play an interleaving.
 */
class FakeApi {
  private readonly answers = new Map<string, unknown>();
  private readonly held = new Map<string, Deferred[]>();
  private readonly holding = new Set<string>();

  answer(call: string, body: unknown): void {
    this.answers.set(call, body);
  }

  /** The calls of `call` fail with `error` (until answered again). */
  fail(call: string, error: Error): void {
    this.answers.set(call, new Failure(error));
  }

  /** The next calls of `call` wait until {@link release}. */
  hold(call: string): void {
    this.holding.add(call);
  }

  /** Answers the oldest held call of `call` with `body`. */
  release(call: string, body: unknown): void {
    const waiting = this.held.get(call)?.shift();
    if (waiting === undefined) throw new Error(`no ${call} is waiting`);
    this.holding.delete(call);
    waiting.resolve(body);
  }

  readonly session = {
    accessToken: async () => 'token',
    call: async (method: string, path: string) => {
      const call = `${method} ${path}`;
      if (this.holding.has(call)) return new Promise((resolve) => this.held.set(call, [...(this.held.get(call) ?? []), { resolve }]));
      if (!this.answers.has(call)) throw new Error(`unexpected ${call}`);
      const answer = this.answers.get(call);
      if (answer instanceof Failure) throw answer.error;
      return answer;
    },
  } as unknown as AuthSession;
}

const at = (second: number) => `2026-01-01T00:00:${String(second).padStart(2, '0')}.000Z`;
const ROOM = { roomId: 9, name: 'team', visibility: 'public' };
const roomItem = (lastSeq: number) => ({
  kind: 'room',
  room: ROOM,
  lastMessage: { messageId: `r${lastSeq}`, kind: 'room', senderId: 2, roomId: 9, message: `room ${lastSeq}`, timestamp: at(lastSeq), seq: lastSeq },
  lastSeq,
  readSeq: lastSeq,
  unreadCount: 0,
  updatedAt: at(lastSeq),
});
const privateItem = (lastSeq: number) => ({
  kind: 'private',
  peer: { userId: 3, username: 'carol' },
  lastMessage: { messageId: `p${lastSeq}`, kind: 'private', senderId: 3, recipientId: 1, message: `private ${lastSeq}`, timestamp: at(lastSeq), seq: lastSeq },
  lastSeq,
  readSeq: lastSeq,
  unreadCount: 0,
  updatedAt: at(lastSeq),
});
const roomHistory = (seq: number, message: string) => ({ messageId: `r${seq}`, userId: 2, message, timestamp: at(seq), seq });
const pushedRoomMessage = (seq: number, message: string, editedAt?: string) => ({
  messageId: `r${seq}`,
  kind: 'room',
  senderId: 2,
  roomId: 9,
  message,
  timestamp: at(seq),
  seq,
  ...(editedAt === undefined ? {} : { editedAt }),
});

const ROOM_HISTORY = 'get /chats/room/{roomId}/history';
const PRIVATE_HISTORY = 'get /chats/private/{recipientId}/history';
const LIST = 'get /conversations';

/** Lets every promise the store chained settle. */
const settle = async () => {
  for (let turn = 0; turn < 20; turn += 1) await Promise.resolve();
};

describe('the chat store: live changes that arrive while pages are read', () => {
  let api: FakeApi;
  let store: ChatStore;
  const socket = () => FakeWebSocket.opened.at(-1)!;
  const conversation = (key: ConversationKey) => store.state.conversations.get(key)!;

  beforeEach(async () => {
    FakeWebSocket.opened = [];
    Object.assign(globalThis, {
      WebSocket: FakeWebSocket,
      location: { protocol: 'http:', host: 'gateway' },
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      document: { visibilityState: 'visible', addEventListener: () => undefined, removeEventListener: () => undefined },
    });
    Object.defineProperty(globalThis.navigator, 'onLine', { value: true, configurable: true });
    api = new FakeApi();
    api.answer('post /ws/ticket', { ticket: 'ticket' });
    api.answer('get /rooms/{roomId}', { ...ROOM, role: 'member', memberCount: 2 });
    api.answer('post /chats/room/{roomId}/read', {});
    api.answer('post /chats/private/{userId}/read', {});
    api.answer(LIST, { conversations: [roomItem(1), privateItem(1)], nextCursor: null });
    store = new ChatStore(api.session, { userId: 1, username: 'alice' });
    store.start();
    await settle();
    socket().push({ type: 'ready', userId: 1, cursor: 'c1' });
    await settle();
  });

  afterEach(() => store.stop());

  it('keeps an edit pushed while the newest page is read, though the page brings the message unedited', async () => {
    api.hold(ROOM_HISTORY);
    const opening = store.open('room:9');
    await settle();
    socket().push({ type: 'message.edited', message: pushedRoomMessage(1, 'fixed', at(30)), cursor: 'c2' });
    api.release(ROOM_HISTORY, [roomHistory(1, 'draft')]);
    await opening;
    expect(conversation('room:9').messages).toEqual([expect.objectContaining({ messageId: 'r1', text: 'fixed', editedAt: at(30) })]);
  });

  it('keeps a deletion pushed while the newest page is read', async () => {
    api.hold(ROOM_HISTORY);
    const opening = store.open('room:9');
    await settle();
    socket().push({ type: 'message.deleted', message: { messageId: 'r1', kind: 'room', senderId: 2, roomId: 9, seq: 1, deleted: true }, cursor: 'c2' });
    api.release(ROOM_HISTORY, [roomHistory(1, 'draft')]);
    await opening;
    expect(conversation('room:9').messages).toEqual([expect.objectContaining({ messageId: 'r1', deleted: true })]);
  });

  it('after a gap, keeps what was pushed to another conversation while the open one caught up', async () => {
    api.answer(PRIVATE_HISTORY, [{ messageId: 'p1', senderId: 3, message: 'private 1', timestamp: at(1), seq: 1 }]);
    await store.open('private:3');
    api.answer(ROOM_HISTORY, [roomHistory(1, 'room 1')]);
    await store.open('room:9');

    api.hold(ROOM_HISTORY);
    socket().push({ type: 'resync', cursor: 'c5', code: 'SYNC_CURSOR_EXPIRED', message: 'expired' });
    await settle();
    socket().push({
      type: 'message',
      message: { messageId: 'p2', kind: 'private', senderId: 3, recipientId: 1, message: 'private 2', timestamp: at(2), seq: 2 },
      cursor: 'c6',
    });
    await settle();
    api.release(ROOM_HISTORY, [roomHistory(1, 'room 1')]);
    await settle();

    // Its messages are read again when it is opened; its place in the list, badge and preview stay.
    expect(conversation('private:3')).toMatchObject({ lastSeq: 2, unread: 1, loaded: false, lastMessage: { text: 'private 2', seq: 2 } });
  });

  it("shows a message pushed to a room it did not list yet under the room's id when the room cannot be read now", async () => {
    api.fail('get /rooms/{roomId}', new ApiError(503, 'SERVICE_UNAVAILABLE', 'try again'));
    socket().push({ type: 'message', message: { ...pushedRoomMessage(4, 'first in room 12'), roomId: 12 }, cursor: 'c2' });
    await settle();
    expect(conversation('room:12')).toMatchObject({ title: 'Room 12', lastSeq: 4, unread: 1, lastMessage: { text: 'first in room 12' } });
  });

  it('keeps out a room it did not list when the room answers 404 (not a member, or gone)', async () => {
    api.fail('get /rooms/{roomId}', new ApiError(404, 'CHAT_ROOM_NOT_FOUND', 'no such room'));
    socket().push({ type: 'message', message: { ...pushedRoomMessage(4, 'not for me'), roomId: 13 }, cursor: 'c2' });
    await settle();
    expect(store.state.conversations.has('room:13')).toBe(false);
  });

  it('tells that the person types again right after sending once the gateway forwards it (2 s after the last), and not after a send', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
    try {
      const typingFrames = () => socket().sent.filter((frame) => frame.type === 'typing');
      api.answer(PRIVATE_HISTORY, []);
      await store.open('private:3');
      store.typing('private:3');
      expect(typingFrames()).toHaveLength(1);
      jest.advanceTimersByTime(500);
      store.typing('private:3');
      expect(typingFrames()).toHaveLength(1);
      jest.advanceTimersByTime(1_499);
      expect(typingFrames()).toHaveLength(1);
      jest.advanceTimersByTime(1);
      expect(typingFrames()).toEqual([{ type: 'typing', to: 3 }, { type: 'typing', to: 3 }]);

      api.answer('post /chats/private/{recipientId}', { messageId: 'p9', senderId: 1, recipientId: 3, message: 'hi', timestamp: at(9), seq: 9 });
      jest.advanceTimersByTime(500);
      store.typing('private:3');
      await store.send('private:3', 'hi');
      jest.advanceTimersByTime(5_000);
      expect(typingFrames()).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });
});

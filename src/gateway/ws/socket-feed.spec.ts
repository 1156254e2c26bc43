import { WebSocket } from 'ws';
import type { ChatFeed, FeedEvent, FeedPage, FeedSinceInput } from '@chatterroom/chat/contracts';
import { MESSAGE_POSTED_V1 } from '@chatterroom/chat/contracts';
import { DomainError, silentLogger } from '@chatterroom/kernel';
import { REPLAY_FAILED_CLOSE_CODE, SocketFeed } from './socket-feed';
import { OutgoingText } from './outgoing-text';

/** The socket side SocketFeed uses: open, records what is sent and how it was closed. */
class RecordingSocket {
  readyState: number = WebSocket.OPEN;
  bufferedAmount = 0;
  readonly sent: Array<Record<string, unknown>> = [];
  closedWith: { code: number; reason: string } | undefined;

  send(text: string | Buffer, _options: unknown, done?: (error?: Error) => void): void {
    this.sent.push(JSON.parse(text.toString()) as Record<string, unknown>);
    done?.();
  }

  close(code: number, reason: string): void {
    this.closedWith = { code, reason };
    this.readyState = WebSocket.CLOSING;
  }

  terminate(): void {
    this.readyState = WebSocket.CLOSED;
  }
}

const USER_ID = 7;

const posted = (position: number): FeedEvent => ({
  id: `event-${position}`,
  type: MESSAGE_POSTED_V1,
  occurredAt: new Date(0).toISOString(),
  cursor: `cursor-${position}`,
  payload: {
    audience: [USER_ID],
    message: { messageId: `m-${position}`, kind: 'room', roomId: 1, senderId: 2, message: `text ${position}`, timestamp: new Date(0).toISOString(), seq: position },
  },
});

const liveFrame = (event: FeedEvent): OutgoingText => OutgoingText.of({ type: 'message', cursor: event.cursor, message: { message: `live ${event.id}` } });

/** A feed that answers pages from `pages` in turn, then fails with `failure` once they run out. */
const feedOf = (pages: FeedPage[], failure: Error): ChatFeed & { asked: FeedSinceInput[] } => {
  const asked: FeedSinceInput[] = [];
  return {
    asked,
    currentCursor: async () => 'cursor-now',
    eventsSince: async (input) => {
      asked.push(input);
      const page = pages.shift();
      if (page === undefined) throw failure;
      return page;
    },
  };
};

const sentTypes = (socket: RecordingSocket): unknown[] => socket.sent.map((frame) => frame.type);

describe('SocketFeed', () => {
  it('replays, then sends what arrived live meanwhile, minus what the replay sent, then `resumed`', async () => {
    const socket = new RecordingSocket();
    const feed = new SocketFeed({
      socket: socket as unknown as WebSocket,
      userId: USER_ID,
      chatFeed: feedOf([{ events: [posted(1), posted(2)], cursor: 'cursor-2', hasMore: false }], new Error('no more pages')),
      credential: { currentToken: undefined },
      logger: silentLogger,
    });
    feed.offer('event-2', 'cursor-2', liveFrame(posted(2)));
    feed.offer('event-3', 'cursor-3', liveFrame(posted(3)));
    await feed.open('cursor-0');
    expect(socket.sent.map((frame) => frame.cursor)).toEqual(['cursor-0', 'cursor-1', 'cursor-2', 'cursor-3', 'cursor-2']);
    expect(sentTypes(socket)).toEqual(['ready', 'message', 'message', 'message', 'resumed']);
    expect(socket.closedWith).toBeUndefined();
  });

  it('when a replay fails midway, sends none of the live events past the gap: an error frame, then closes with 1013', async () => {
    const socket = new RecordingSocket();
    const failure = new DomainError('SERVICE_UNAVAILABLE', 'unavailable', 'Chat service is unavailable');
    const feed = new SocketFeed({
      socket: socket as unknown as WebSocket,
      userId: USER_ID,
      chatFeed: feedOf([{ events: [posted(1)], cursor: 'cursor-1', hasMore: true }], failure),
      credential: { currentToken: undefined },
      logger: silentLogger,
    });
    feed.offer('event-5', 'cursor-5', liveFrame(posted(5)));
    await expect(feed.open('cursor-0')).rejects.toBe(failure);
    feed.offer('event-6', 'cursor-6', liveFrame(posted(6)));

    // the last cursor the client got is that of event 1: it resumes from there and gets 2.. again
    expect(socket.sent.filter((frame) => frame.type !== 'error').map((frame) => frame.cursor)).toEqual(['cursor-0', 'cursor-1']);
    expect(socket.sent.at(-1)).toMatchObject({ type: 'error', code: 'SERVICE_UNAVAILABLE' });
    expect(socket.closedWith?.code).toBe(REPLAY_FAILED_CLOSE_CODE);
  });

  it('when a catch-up (after the bus came back) fails, closes the socket rather than skip what it missed', async () => {
    const socket = new RecordingSocket();
    const feed = new SocketFeed({
      socket: socket as unknown as WebSocket,
      userId: USER_ID,
      chatFeed: feedOf([{ events: [], cursor: 'cursor-now', hasMore: false }], new DomainError('SERVICE_UNAVAILABLE', 'unavailable', 'down')),
      credential: { currentToken: undefined },
      logger: silentLogger,
    });
    await feed.open(undefined);
    feed.offer('event-1', 'cursor-1', liveFrame(posted(1)));
    const catchingUp = feed.catchUp();
    feed.offer('event-9', 'cursor-9', liveFrame(posted(9)));
    await expect(catchingUp).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(socket.sent.map((frame) => frame.cursor).filter((cursor) => cursor !== undefined)).toEqual(['cursor-now', 'cursor-1']);
    expect(socket.closedWith?.code).toBe(REPLAY_FAILED_CLOSE_CODE);
  });
});

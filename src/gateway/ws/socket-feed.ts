import type { Writable } from 'node:stream';
import type { WebSocket } from 'ws';
import type { ChatFeed, FeedPage } from '@chatterroom/chat/contracts';
import { CallerCredential, DomainError, type Logger } from '@chatterroom/kernel';
import { pushOf } from './event-pushes';
import { errorFrame } from './server-frames';
import type { OutgoingText } from './outgoing-text';
import { SentIds } from './sent-ids';
import { sendFrame, sendText } from './socket-sender';

/** Ids of the latest frames a socket was sent, for not sending one twice (live and replayed). */
const SENT_IDS_KEPT = 256;
/** Events asked for per page while replaying. */
const REPLAY_PAGE = 200;
/** Close code of a socket whose replay failed (RFC 6455 "Try Again Later"): reconnect with the last cursor. */
export const REPLAY_FAILED_CLOSE_CODE = 1013;

export interface SocketFeedDeps {
  readonly socket: WebSocket;
  readonly userId: number;
  readonly chatFeed: ChatFeed;
  /** Whose token the socket's calls forward (the split deployment's services check it): the socket's session. */
  readonly credential: { readonly currentToken: string | undefined };
  readonly logger: Logger;
}

/**
 * What one socket has been sent of the chat events, so a replay (resume from a cursor, or the
 * catch-up after `ready`) joins the live pushes with no gap and no duplicate: while it replays,
 * live frames wait in a buffer; afterwards those the replay already sent (same event id) are
 * dropped and the rest go out in order. The ids of the latest frames sent are remembered, so a
 * `resume` frame or a catch-up does not repeat them, and the cursor of the last one, where a
 * catch-up starts (after the event bus lost its connection, for instance).
 */
/** Where a replay ended and how many events it sent. */
export interface ReplayOutcome {
  readonly cursor: string;
  readonly replayed: number;
}

export class SocketFeed {
  /** Live frames held while a replay runs; the socket starts holding until {@link open} has sent `ready`. */
  private buffer: Array<{ id: string; cursor: string | undefined; frame: OutgoingText }> | undefined = [];
  /** Made when the socket is first sent an event: an idle socket has none. */
  private sent: SentIds | undefined;
  /** The replays queued or running (undefined when none is). */
  private replays: Promise<void> | undefined;
  /** The cursor of the last event sent (or of `ready`): where a catch-up starts. */
  private lastCursor: string | undefined;
  /** A replay failed: the socket is closing and is sent nothing more. */
  private abandoned = false;

  constructor(private readonly deps: SocketFeedDeps) {}

  /**
   * A live chat event's frame for this socket: sent now, held during a replay, or dropped as already
   * sent. `transport`: the socket's TCP socket, to write the frame's ready-made bytes to (see sendText).
   */
  offer(eventId: string, cursor: string | undefined, frame: OutgoingText, transport?: Writable): void {
    if (this.abandoned) return;
    if (this.buffer !== undefined) {
      this.buffer.push({ id: eventId, cursor, frame });
      return;
    }
    if (!this.sentIds().addLive(eventId)) return;
    if (cursor !== undefined) this.lastCursor = cursor;
    sendText(this.deps.socket, frame, this.deps.logger, transport);
  }

  /** Sends what the socket may have missed since its last event (the bus was away): nothing twice. */
  catchUp(): Promise<ReplayOutcome | undefined> {
    if (this.lastCursor === undefined) return Promise.resolve(undefined);
    return this.replay(this.lastCursor, false);
  }

  /**
   * Sends every event after `since` (page after page, in order), then what arrived live
   * meanwhile, then a `resumed` frame; an expired cursor gets a `resync` frame and the replay
   * continues from the current cursor. Replays of one socket run one after another.
   */
  replay(since: string, announce: boolean): Promise<ReplayOutcome> {
    this.buffer ??= [];
    const run = (this.replays ?? Promise.resolve()).then(() => this.replayNow(since, announce));
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.replays = settled;
    void settled.then(() => {
      if (this.replays === settled) this.replays = undefined;
    });
    return run;
  }

  /**
   * Starts the socket: `ready` first (with `since`, or the current cursor), then the events
   * after it that were published before the socket was registered (none, usually), then live.
   * Live frames wait from construction until then.
   */
  async open(since: string | undefined): Promise<void> {
    let cursor = since;
    if (cursor === undefined) {
      try {
        cursor = await this.call(() => this.deps.chatFeed.currentCursor({ userId: this.deps.userId }));
      } catch (error) {
        this.deps.logger.warn({ err: error, userId: this.deps.userId }, 'no feed cursor for a new socket; it starts live without one');
      }
    }
    sendFrame(this.deps.socket, { type: 'ready', userId: this.deps.userId, ...(cursor === undefined ? {} : { cursor }) }, this.deps.logger);
    this.lastCursor = cursor;
    if (cursor === undefined) return this.flush();
    await this.replay(cursor, since !== undefined);
  }

  private async replayNow(since: string, announce: boolean): Promise<ReplayOutcome> {
    let replayed = 0;
    let cursor = since;
    try {
      for (let page = await this.page(cursor); ; page = await this.page(cursor)) {
        replayed += this.sendPage(page);
        cursor = page.cursor;
        if (!page.hasMore) break;
      }
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'SYNC_CURSOR_EXPIRED') {
        this.abandon(error);
        throw error;
      }
      cursor = await this.call(() => this.deps.chatFeed.currentCursor({ userId: this.deps.userId }));
      sendFrame(this.deps.socket, { type: 'resync', cursor, code: error.code, message: error.message }, this.deps.logger);
      return this.replayNow(cursor, announce);
    }
    this.flush();
    if (announce) sendFrame(this.deps.socket, { type: 'resumed', cursor, replayed }, this.deps.logger);
    return { cursor, replayed };
  }

  private sendPage(page: FeedPage): number {
    let count = 0;
    for (const event of page.events) {
      const push = pushOf(event);
      this.lastCursor = event.cursor;
      if (push === undefined || !this.sentIds().addReplayed(event.id)) continue;
      sendFrame(this.deps.socket, push.frame, this.deps.logger);
      count += 1;
    }
    return count;
  }

  /**
   * After a failed replay the socket cannot be made whole: the live frames that waited come after
   * events it never got, and sending them would move the client's cursor past that gap. So they are
   * dropped, nothing more is sent, and the socket is closed with {@link REPLAY_FAILED_CLOSE_CODE}
   * after an error frame: the client resumes with the cursor of the last event it did get.
   */
  private abandon(error: unknown): void {
    this.abandoned = true;
    this.buffer = undefined;
    const code = error instanceof DomainError ? error.code : 'INTERNAL_ERROR';
    sendFrame(this.deps.socket, errorFrame(undefined, code, 'Could not replay the events after your cursor: reconnect with the cursor of the last event you got'), this.deps.logger);
    this.deps.socket.close(REPLAY_FAILED_CLOSE_CODE, 'Replay failed: resume from your last cursor');
  }

  /** Sends what waited during the replay, minus what the replay sent, and goes back to live. */
  private flush(): void {
    const waiting = this.buffer ?? [];
    this.buffer = undefined;
    for (const { id, cursor, frame } of waiting) this.offer(id, cursor, frame);
  }

  private sentIds(): SentIds {
    return (this.sent ??= new SentIds(SENT_IDS_KEPT));
  }

  private page(since: string): Promise<FeedPage> {
    return this.call(() => this.deps.chatFeed.eventsSince({ userId: this.deps.userId, since, limit: REPLAY_PAGE }));
  }

  private call<T>(operation: () => Promise<T>): Promise<T> {
    return CallerCredential.run(this.deps.credential.currentToken, operation);
  }
}

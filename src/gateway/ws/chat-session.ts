import type { RawData, WebSocket } from 'ws';
import { CallerCredential, isRateLimited, RequestDeadline, type Logger } from '@chatterroom/kernel';
import { stringField, type InputFields } from '../api/input-fields';
import type { GatewayDeps } from '../gateway-deps';
import { toErrorBody } from '../http/to-error-body';
import { FrameRejection, parseClientFrame, type ClientFrame } from './client-frames';
import { frameCommandOf, unknownFrameType } from './frame-commands';
import { isClientFrameType } from './frame-registry';
import { ackFrame, errorFrame, pongFrame, type FrameId, type ServerFrame } from './server-frames';
import { sendFrame } from './socket-sender';
import { SocketFeed } from './socket-feed';

/** `{"type":"auth","token":"..."}`: a fresh access token, so the socket outlives the first one. */
export const AUTH_FRAME = 'auth';
/** `{"type":"resume","since":"<cursor>"}`: replay every event after the cursor (best as the first frame). */
export const RESUME_FRAME = 'resume';

/** `{"type":"typing","to"|"roomId":N}`: relayed to the conversation's other participants, never stored. */
export const TYPING_FRAME = 'typing';

/** `{"type":"presence.subscribe","userIds":[...]}`: the states of those users now, then their changes. */
export const PRESENCE_SUBSCRIBE_FRAME = 'presence.subscribe';

/** Frames of one socket waiting for their turn; past this the client is told to slow down. */
export const MAX_PENDING_FRAMES = 256;

const textOf = (data: RawData): string =>
  (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)).toString('utf8');

/** What every socket's session shares: the ports, and the frames about the socket itself. */
export interface ChatSessionContext {
  readonly ports: GatewayDeps;
  readonly logger: Logger;
  /** Each frame's budget from its arrival: waiting behind the socket's earlier frames spends it too. */
  readonly frameDeadlineMs: number;
  /** An `auth` frame: a fresh access token for the session's socket; resolves to the ack's result. */
  renewToken(session: ChatSession, fields: InputFields): Promise<unknown>;
  /** A `typing` frame; resolves to the ack's result (sent only when the frame has an id). */
  typing(session: ChatSession, fields: InputFields): Promise<unknown>;
  /** A `presence.subscribe` frame; resolves to the ack's result. */
  subscribePresence(session: ChatSession, fields: InputFields): Promise<unknown>;
}

/**
 * One authenticated connection to /ws/chat. Operations run one at a time, in the order
 * the client sent them (so two sends keep their order); every failure becomes an error
 * frame and the connection stays open. What an idle socket holds is kept small: the shared
 * {@link ChatSessionContext}, the socket, its user, its token and its {@link SocketFeed}
 * (a `resume` frame replays through it); the frame queue exists only while frames wait.
 */
export class ChatSession {
  private queue: Promise<void> | undefined;
  private pending = 0;
  /** Renewed by each accepted `auth` frame, so later frames forward the fresh token. */
  private token: string | undefined;
  /** What the socket was sent of the chat events; it forwards this session's token. */
  readonly feed: SocketFeed;

  constructor(
    private readonly context: ChatSessionContext,
    readonly socket: WebSocket,
    readonly userId: number,
    /** The access token the socket forwards to the services: each frame's operations run on its behalf. */
    token: string | undefined,
  ) {
    this.token = token;
    this.feed = new SocketFeed({ socket, userId, chatFeed: context.ports.chatFeed, credential: this, logger: context.logger });
  }

  receive(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.reply(errorFrame(undefined, 'UNSUPPORTED_MEDIA_TYPE', 'Binary frames are not supported: send JSON text frames'));
      return;
    }
    const frame = parseClientFrame(textOf(data));
    if (frame instanceof FrameRejection) return this.replyError(frame.id, frame.error);
    if (!isClientFrameType(frame.type)) return this.replyError(frame.id, unknownFrameType(frame.type));
    if (frame.type === 'ping') return this.reply(pongFrame(frame.id));
    if (this.commandOf(frame.type) === undefined) {
      return this.replyError(frame.id, unknownFrameType(frame.type));
    }
    if (this.pending >= MAX_PENDING_FRAMES) {
      this.reply(errorFrame(frame.id, 'TOO_MANY_PENDING_FRAMES', 'Too many frames waiting: wait for replies before sending more'));
      return;
    }
    this.pending += 1;
    const deadline = Date.now() + this.context.frameDeadlineMs;
    const queue = (this.queue ?? Promise.resolve())
      .then(() => RequestDeadline.run(deadline, () => CallerCredential.run(this.token, () => this.run(frame))))
      .finally(() => {
        this.pending -= 1;
        if (this.queue === queue) this.queue = undefined;
      });
    this.queue = queue;
  }

  private async run(frame: ClientFrame): Promise<void> {
    const command = this.commandOf(frame.type);
    try {
      if (command === undefined) throw unknownFrameType(frame.type);
      const result = await command(this.context.ports, this.userId, frame.fields);
      if (frame.type !== TYPING_FRAME || frame.id !== undefined) this.reply(ackFrame(frame.id, result));
    } catch (error) {
      this.replyError(frame.id, error);
    }
  }

  /** The token this socket's calls forward now. */
  get currentToken(): string | undefined {
    return this.token;
  }

  /** Frames about the socket itself (`auth`, `resume`, `typing`, `presence.subscribe`), else the chat command. */
  private commandOf(type: string) {
    if (type === AUTH_FRAME) return (_ports: GatewayDeps, _userId: number, fields: InputFields) => this.renew(fields);
    if (type === RESUME_FRAME) return (_ports: GatewayDeps, _userId: number, fields: InputFields) => this.feed.replay(stringField(fields, 'since'), false);
    if (type === TYPING_FRAME) return (_ports: GatewayDeps, _userId: number, fields: InputFields) => this.context.typing(this, fields);
    if (type === PRESENCE_SUBSCRIBE_FRAME) return (_ports: GatewayDeps, _userId: number, fields: InputFields) => this.context.subscribePresence(this, fields);
    return frameCommandOf(type);
  }

  private async renew(fields: InputFields): Promise<unknown> {
    const result = await this.context.renewToken(this, fields);
    this.token = stringField(fields, 'token');
    return result;
  }

  private replyError(id: FrameId | undefined, error: unknown): void {
    const { body, exposed } = toErrorBody(error);
    if (!exposed) this.context.logger.error({ err: error, userId: this.userId }, 'WebSocket frame failed unexpectedly');
    this.reply(errorFrame(id, body.code, body.message, isRateLimited(error) ? error.retryAfterMs : undefined, body.clientMessageId));
  }

  private reply(frame: ServerFrame): void {
    sendFrame(this.socket, frame, this.context.logger);
  }
}

import type { RawData, WebSocket } from 'ws';
import { CallerCredential, isRateLimited, RequestDeadline, type Logger } from '../../../modules/kernel';
import { stringField, type InputFields } from '../api/input-fields';
import type { GatewayDeps } from '../gateway-deps';
import { toErrorBody } from '../http/to-error-body';
import { FrameRejection, parseClientFrame, type ClientFrame } from './client-frames';
import { frameCommandOf, unknownFrameType } from './frame-commands';
import { isClientFrameType } from './frame-registry';
import { ackFrame, errorFrame, pongFrame, type FrameId, type ServerFrame } from './server-frames';
import { sendFrame } from './socket-sender';

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

/**
 * One authenticated connection to /ws/chat. Operations run one at a time, in the order
 * the client sent them (so two sends keep their order); every failure becomes an error
 * frame and the connection stays open.
 */
export class ChatSession {
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  /** Renewed by each accepted `auth` frame, so later frames forward the fresh token. */
  private token: string | undefined;

  constructor(
    private readonly deps: {
      ports: GatewayDeps;
      socket: WebSocket;
      userId: number;
      /** The access token the socket forwards to the services: each frame's operations run on its behalf. */
      token?: string;
      logger: Logger;
      /** An `auth` frame: a fresh access token for this socket; resolves to the ack's result. */
      renewToken: (fields: InputFields) => Promise<unknown>;
      /** A `resume` frame: replays the events after `since`; resolves to the ack's result. */
      resume: (since: string) => Promise<unknown>;
      /** A `typing` frame; resolves to the ack's result (sent only when the frame has an id). */
      typing: (fields: InputFields) => Promise<unknown>;
      /** A `presence.subscribe` frame; resolves to the ack's result. */
      subscribePresence: (fields: InputFields) => Promise<unknown>;
      /** Each frame's budget from its arrival: waiting behind the socket's earlier frames spends it too. */
      frameDeadlineMs: number;
    },
  ) {
    this.token = deps.token;
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
    const deadline = Date.now() + this.deps.frameDeadlineMs;
    this.queue = this.queue.then(() => RequestDeadline.run(deadline, () => CallerCredential.run(this.token, () => this.run(frame)))).finally(() => {
      this.pending -= 1;
    });
  }

  private async run(frame: ClientFrame): Promise<void> {
    const command = this.commandOf(frame.type);
    try {
      if (command === undefined) throw unknownFrameType(frame.type);
      const result = await command(this.deps.ports, this.deps.userId, frame.fields);
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
    if (type === RESUME_FRAME) return (_ports: GatewayDeps, _userId: number, fields: InputFields) => this.deps.resume(stringField(fields, 'since'));
    if (type === TYPING_FRAME) return (_ports: GatewayDeps, _userId: number, fields: InputFields) => this.deps.typing(fields);
    if (type === PRESENCE_SUBSCRIBE_FRAME) return (_ports: GatewayDeps, _userId: number, fields: InputFields) => this.deps.subscribePresence(fields);
    return frameCommandOf(type);
  }

  private async renew(fields: InputFields): Promise<unknown> {
    const result = await this.deps.renewToken(fields);
    this.token = stringField(fields, 'token');
    return result;
  }

  private replyError(id: FrameId | undefined, error: unknown): void {
    const { body, exposed } = toErrorBody(error);
    if (!exposed) this.deps.logger.error({ err: error, userId: this.deps.userId }, 'WebSocket frame failed unexpectedly');
    this.reply(errorFrame(id, body.code, body.message, isRateLimited(error) ? error.retryAfterMs : undefined, body.clientMessageId));
  }

  private reply(frame: ServerFrame): void {
    sendFrame(this.deps.socket, frame, this.deps.logger);
  }
}

import type { RoomRegistry } from '@chatterroom/chat/contracts';
import { isPositiveInt32, validationFailed, type Logger, type Signal, type SignalBus, type SignalThrottle } from '@chatterroom/kernel';
import { idField, type InputFields } from '../api/input-fields';
import type { ConnectionRegistry } from './connection-registry';
import { sendText } from './socket-sender';
import { TYPING_INTERVAL_MS } from './typing-throttle';

export const TYPING_SIGNAL = 'typing';

/** What travels between gateways: who types where, and who is to be told. */
interface TypingNotice {
  readonly userId: number;
  readonly roomId?: number;
  readonly audience: readonly number[];
}

/** The answer to a typing frame (acked when the frame carries an id). */
export interface TypingResult {
  readonly forwarded: boolean;
}

const isNotice = (payload: unknown): payload is TypingNotice => {
  const notice = payload as Partial<TypingNotice> | null;
  return (
    typeof notice === 'object' &&
    notice !== null &&
    isPositiveInt32(notice.userId) &&
    (notice.roomId === undefined || isPositiveInt32(notice.roomId)) &&
    Array.isArray(notice.audience) &&
    notice.audience.every(isPositiveInt32)
  );
};

/**
 * Typing notices: `{"type":"typing","to":N}` or `{"type":"typing","roomId":N}` from a socket
 * reach the conversation's other participants' sockets on every gateway as
 * `{"type":"typing","userId":typist}` (plus `roomId` in a room), over the {@link SignalBus}:
 * never stored, never replayed. Room notices are for members only (CHAT_NOT_A_ROOM_MEMBER);
 * at most one per user and conversation every 2 s is forwarded, counted across every gateway
 * (the {@link SignalThrottle}), the rest are dropped.
 */
export class TypingRelay {
  private stopped = false;

  constructor(
    private readonly deps: {
      signalBus: SignalBus;
      /** Counts notices wherever they enter: one process in the monolith, every gateway (Redis) in the split deployment. */
      signalThrottle: SignalThrottle;
      roomRegistry: RoomRegistry;
      connections: ConnectionRegistry;
      logger: Logger;
    },
  ) {}

  /** Resolves once this gateway receives notices. */
  async start(): Promise<void> {
    await this.deps.signalBus.subscribe((signal) => this.deliver(signal));
  }

  stop(): void {
    this.stopped = true;
  }

  /** A typing frame of `userId`. */
  async typing(userId: number, fields: InputFields): Promise<TypingResult> {
    const hasTo = fields.to !== undefined;
    if (hasTo === (fields.roomId !== undefined)) throw validationFailed('typing needs exactly one of to or roomId');
    if (hasTo) {
      const to = idField(fields, 'to');
      if (!(await this.admit(userId, `private:${to}`))) return { forwarded: false };
      return this.publish({ userId, audience: to === userId ? [] : [to] });
    }
    const roomId = idField(fields, 'roomId');
    const { members } = await this.deps.roomRegistry.getRoom({ userId, roomId });
    if (!(await this.admit(userId, `room:${roomId}`))) return { forwarded: false };
    return this.publish({ userId, roomId, audience: members.filter((member) => member !== userId) });
  }

  private admit(userId: number, conversation: string): Promise<boolean> {
    return this.deps.signalThrottle.admit(`typing:${userId}|${conversation}`, TYPING_INTERVAL_MS);
  }

  private async publish(notice: TypingNotice): Promise<TypingResult> {
    if (notice.audience.length > 0) await this.deps.signalBus.publish({ type: TYPING_SIGNAL, payload: notice });
    return { forwarded: true };
  }

  private deliver(signal: Signal): void {
    if (this.stopped || signal.type !== TYPING_SIGNAL || !isNotice(signal.payload)) return;
    const { userId, roomId, audience } = signal.payload;
    const frame = Buffer.from(JSON.stringify(roomId === undefined ? { type: 'typing', userId } : { type: 'typing', userId, roomId }));
    for (const recipient of audience) {
      for (const socket of this.deps.connections.socketsOf(recipient)) sendText(socket, frame, this.deps.logger);
    }
  }
}

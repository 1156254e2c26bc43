import type { RateLimiter, RatePolicy } from '@chatterroom/kernel';
import type {
  ChatMessage,
  Messaging,
  PrivateHistoryInput,
  RoomHistoryInput,
  SendPrivateMessageInput,
  SendRoomMessageInput,
} from '@chatterroom/chat/contracts';
import { messagesSent } from '../metrics/gateway-metrics';
import { spendOrThrow } from './spend';

/**
 * {@link Messaging} with a per-sender rate (`messages:user:<id>`): HTTP, /ws/chat and
 * GraphQL all send through it, so the one limit covers every API, on every gateway that
 * shares the limiter. Reads pass through. A refused send throws RATE_LIMITED and stores nothing.
 * Accepted sends are counted in `chatterroom_messages_sent_total` (this is every API's send path).
 */
export class RateLimitedMessaging implements Messaging {
  constructor(
    private readonly inner: Messaging,
    private readonly limiter: RateLimiter,
    private readonly policy: RatePolicy | null,
  ) {}

  async sendPrivateMessage(input: SendPrivateMessageInput): Promise<ChatMessage> {
    await this.spend(input.fromUserId);
    const sent = await this.inner.sendPrivateMessage(input);
    messagesSent.inc({ conversation: 'private' });
    return sent;
  }

  async sendRoomMessage(input: SendRoomMessageInput): Promise<ChatMessage> {
    await this.spend(input.userId);
    const sent = await this.inner.sendRoomMessage(input);
    messagesSent.inc({ conversation: 'room' });
    return sent;
  }

  getPrivateHistory(input: PrivateHistoryInput): Promise<ChatMessage[]> {
    return this.inner.getPrivateHistory(input);
  }

  getRoomHistory(input: RoomHistoryInput): Promise<ChatMessage[]> {
    return this.inner.getRoomHistory(input);
  }

  private spend(userId: number): Promise<void> {
    return spendOrThrow(this.limiter, `messages:user:${userId}`, this.policy, 'Too many messages: slow down');
  }
}

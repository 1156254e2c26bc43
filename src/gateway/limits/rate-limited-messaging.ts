import type { RateLimiter, RatePolicy } from '../../../modules/kernel';
import type {
  ChatMessage,
  Messaging,
  PrivateHistoryInput,
  RoomHistoryInput,
  SendPrivateMessageInput,
  SendRoomMessageInput,
} from '../../../modules/chat/contracts';
import { spendOrThrow } from './spend';

/**
 * {@link Messaging} with a per-sender rate (`messages:user:<id>`): HTTP, /ws/chat and
 * GraphQL all send through it, so the one limit covers every API, on every gateway that
 * shares the limiter. Reads pass through. A refused send throws RATE_LIMITED and stores nothing.
 */
export class RateLimitedMessaging implements Messaging {
  constructor(
    private readonly inner: Messaging,
    private readonly limiter: RateLimiter,
    private readonly policy: RatePolicy | null,
  ) {}

  async sendPrivateMessage(input: SendPrivateMessageInput): Promise<ChatMessage> {
    await this.spend(input.fromUserId);
    return this.inner.sendPrivateMessage(input);
  }

  async sendRoomMessage(input: SendRoomMessageInput): Promise<ChatMessage> {
    await this.spend(input.userId);
    return this.inner.sendRoomMessage(input);
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

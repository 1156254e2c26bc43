import type { ConversationKey } from './conversations';

/** "… is typing" stays this long after the last typing frame (the server forwards at most one every 2 s). */
export const TYPING_SHOWN_MS = 5_000;
/** A typing frame goes out at most this often per conversation while the person types. */
export const TYPING_SEND_EVERY_MS = 2_000;

/** Who is typing where, as far as the pushes told: each entry expires TYPING_SHOWN_MS after its last frame. */
export class TypingBoard {
  private readonly until = new Map<ConversationKey, Map<number, number>>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onChange: () => void) {}

  /** `userId` is typing in `key` (a typing push). */
  typing(key: ConversationKey, userId: number, now = Date.now()): void {
    const people = this.until.get(key) ?? new Map<number, number>();
    const shownBefore = people.has(userId);
    people.set(userId, now + TYPING_SHOWN_MS);
    this.until.set(key, people);
    this.schedule(now);
    if (!shownBefore) this.onChange();
  }

  /** `userId` sent a message in `key`: they stopped typing. */
  stopped(key: ConversationKey, userId: number): void {
    if (this.until.get(key)?.delete(userId) === true) this.onChange();
  }

  /** The people typing in `key` now, in the order they started. */
  typists(key: ConversationKey, now = Date.now()): number[] {
    return [...(this.until.get(key) ?? new Map<number, number>()).entries()].filter(([, until]) => until > now).map(([userId]) => userId);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  /** Drops what expired, and wakes up again at the next expiry. */
  private schedule(now: number): void {
    clearTimeout(this.timer);
    let next = Infinity;
    let dropped = false;
    for (const [key, people] of this.until) {
      for (const [userId, until] of people) {
        if (until <= now) {
          people.delete(userId);
          dropped = true;
        } else next = Math.min(next, until);
      }
      if (people.size === 0) this.until.delete(key);
    }
    if (dropped) this.onChange();
    if (next !== Infinity) this.timer = setTimeout(() => this.schedule(Date.now()), next - now);
  }
}

/** Whether a typing frame may go out for `key` now: at most one every TYPING_SEND_EVERY_MS. */
export class TypingThrottle {
  private readonly lastSent = new Map<ConversationKey, number>();

  /**
   * 0 when a typing frame for `key` may go now (it is counted as sent); otherwise the milliseconds
   * until one may. The gateway forwards at most one every TYPING_SEND_EVERY_MS per person and
   * conversation and drops the rest, a message sent in between or not, so sooner would be lost.
   */
  admit(key: ConversationKey, now = Date.now()): number {
    const last = this.lastSent.get(key);
    if (last !== undefined && now - last < TYPING_SEND_EVERY_MS) return TYPING_SEND_EVERY_MS - (now - last);
    this.lastSent.set(key, now);
    return 0;
  }
}

/** "alice is typing…", "alice and bob are typing…", "3 people are typing…". */
export const typingText = (names: readonly string[]): string => {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return `${names.length} people are typing…`;
};

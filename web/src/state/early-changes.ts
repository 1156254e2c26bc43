import { isLaterVersion, mergeMessages, type ChatMessage } from './messages';

/** Edits and deletions remembered, the latest first to go past this many. */
const KEPT = 200;

/**
 * The latest edits and deletions pushed (or answered), remembered by messageId, so one that
 * arrives before its message is shown is not lost: while a history page is being read, a change to
 * a message on that page finds nothing to change, and the page, read before the change, then
 * brings the message in its older version. Every page merged, and every message added, goes
 * through {@link applyTo}, which puts the later version back (see isLaterVersion).
 */
export class EarlyChanges {
  private readonly latest = new Map<string, ChatMessage>();

  /** An edited message or a tombstone, as pushed or answered. */
  remember(changed: ChatMessage): void {
    const known = this.latest.get(changed.messageId);
    if (known !== undefined && !isLaterVersion(changed, known)) return;
    this.latest.delete(changed.messageId);
    this.latest.set(changed.messageId, changed);
    if (this.latest.size > KEPT) this.latest.delete(this.latest.keys().next().value as string);
  }

  /** `messages` with each one remembered in a later version replaced by it; `messages` itself when none is. */
  applyTo(messages: readonly ChatMessage[]): readonly ChatMessage[] {
    if (this.latest.size === 0) return messages;
    const later = messages.flatMap((message) => this.latest.get(message.messageId) ?? []);
    return later.length === 0 ? messages : mergeMessages(messages, later);
  }
}

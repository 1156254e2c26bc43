import { ChatErrors } from '../contracts';
import type { ConversationKey } from '../ports';

/** Where a conversation stands in a user's list: most recent activity first, ties by key. */
export interface ListPosition {
  readonly updatedAt: string;
  readonly conversation: ConversationKey;
}

/** Orders positions most recent first; equal times by conversation key, so the order is total. */
export const byRecency = (a: ListPosition, b: ListPosition): number => {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.conversation < b.conversation ? -1 : a.conversation > b.conversation ? 1 : 0;
};

/** The opaque cursor that continues a list after `position`. */
export const cursorAfter = (position: ListPosition): string =>
  Buffer.from(JSON.stringify([position.updatedAt, position.conversation])).toString('base64url');

/**
 * Reads a cursor made by {@link cursorAfter}.
 * @throws DomainError CHAT_INVALID_CURSOR for anything else
 */
export const positionOfCursor = (cursor: unknown): ListPosition => {
  if (typeof cursor !== 'string' || cursor.length > 512) throw ChatErrors.invalidConversationCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw ChatErrors.invalidConversationCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || !parsed.every((part) => typeof part === 'string')) {
    throw ChatErrors.invalidConversationCursor();
  }
  return { updatedAt: parsed[0] as string, conversation: parsed[1] as string };
};

import { HISTORY_MAX_LIMIT, type HistoryPaging } from '@chatterroom/chat/contracts';
import { INT32_MAX, optionalQueryPageLimit, validationFailed } from '@chatterroom/kernel';
import { cursorMessageIdOf } from '../api/input-fields';

const CANONICAL_POSITIVE_INTEGER = /^[1-9][0-9]{0,9}$/;

/** A path id (userId, roomId, recipientId) as a positive int32, else VALIDATION_FAILED naming it. */
export const pathIdOf = (params: unknown, name: string): number => {
  const raw = (params as Record<string, unknown> | undefined)?.[name];
  const value = typeof raw === 'string' && CANONICAL_POSITIVE_INTEGER.test(raw) ? Number(raw) : NaN;
  if (!(value <= INT32_MAX)) throw validationFailed(`${name} must be a positive 32-bit integer`);
  return value;
};

/** `?limit=` (an integer 1-200) and `?before=` (a messageId) of a history request; both optional. */
export const historyPagingOf = (query: unknown): HistoryPaging => {
  const { limit, before, after } = (query ?? {}) as Record<string, unknown>;
  const paging: { limit?: number; before?: string; after?: string } = {};
  if (limit !== undefined) paging.limit = optionalQueryPageLimit(limit, HISTORY_MAX_LIMIT);
  if (before !== undefined) paging.before = cursorMessageIdOf(before, 'before');
  if (after !== undefined) paging.after = cursorMessageIdOf(after, 'after');
  return paging;
};

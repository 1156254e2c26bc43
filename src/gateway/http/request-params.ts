import { HISTORY_MAX_LIMIT, type HistoryPaging } from '../../../modules/chat/contracts';
import { INT32_MAX, validationFailed } from '../../../modules/kernel';

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
  if (limit !== undefined) {
    const value = typeof limit === 'string' && /^[0-9]{1,4}$/.test(limit) ? Number(limit) : NaN;
    if (!(value >= 1 && value <= HISTORY_MAX_LIMIT)) {
      throw validationFailed(`limit must be an integer from 1 to ${HISTORY_MAX_LIMIT}`);
    }
    paging.limit = value;
  }
  if (before !== undefined) {
    if (typeof before !== 'string' || before === '') throw validationFailed('before must be a messageId');
    paging.before = before;
  }
  if (after !== undefined) {
    if (typeof after !== 'string' || after === '') throw validationFailed('after must be a messageId');
    paging.after = after;
  }
  return paging;
};

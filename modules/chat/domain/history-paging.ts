import { validationFailed } from '../../kernel';
import { HISTORY_DEFAULT_LIMIT, HISTORY_MAX_LIMIT } from '../contracts';

/** Paging of a history request once checked: `before` is still to be found in the conversation. */
export interface ValidHistoryPaging {
  readonly before?: string;
  readonly limit: number;
}

/**
 * Checks `limit` (an integer 1-200, default 50) and `before` (a string messageId).
 * `undefined` and `null` both mean "omitted".
 */
export const requireHistoryPaging = (paging: { before?: unknown; limit?: unknown }): ValidHistoryPaging => {
  const { before, limit } = paging;
  if (before !== undefined && before !== null && typeof before !== 'string') {
    throw validationFailed('before must be a messageId string');
  }
  if (limit === undefined || limit === null) return withBefore(HISTORY_DEFAULT_LIMIT, before);
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > HISTORY_MAX_LIMIT) {
    throw validationFailed(`limit must be an integer from 1 to ${HISTORY_MAX_LIMIT}`);
  }
  return withBefore(limit, before);
};

const withBefore = (limit: number, before: string | null | undefined): ValidHistoryPaging =>
  typeof before === 'string' ? { before, limit } : { limit };

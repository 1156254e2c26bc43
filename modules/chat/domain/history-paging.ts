import { optionalPageLimit, validationFailed } from '@chatterroom/kernel';
import { HISTORY_DEFAULT_LIMIT, HISTORY_MAX_LIMIT } from '../contracts';

/** Paging of a history request once checked: `before` or `after` is still to be found in the conversation. */
export interface ValidHistoryPaging {
  readonly before?: string;
  readonly after?: string;
  readonly limit: number;
}

const optionalMessageId = (value: unknown, field: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationFailed(`${field} must be a messageId string`);
  return value;
};

/**
 * Checks `limit` (an integer 1-200, default 50) and `before` or `after` (a string messageId;
 * not both). `undefined` and `null` both mean "omitted".
 */
export const requireHistoryPaging = (paging: { before?: unknown; after?: unknown; limit?: unknown }): ValidHistoryPaging => {
  const before = optionalMessageId(paging.before, 'before');
  const after = optionalMessageId(paging.after, 'after');
  if (before !== undefined && after !== undefined) throw validationFailed('before and after cannot be used together');
  const limit = optionalPageLimit(paging.limit, HISTORY_MAX_LIMIT, HISTORY_DEFAULT_LIMIT);
  return { limit, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) };
};

import { HISTORY_MAX_LIMIT, type HistoryPaging } from '@chatterroom/chat/contracts';
import { requirePageLimit, requirePositiveInt32 } from '@chatterroom/kernel';
import { cursorMessageIdOf } from '../../api/input-fields';

/** `before` and `limit` of a history field, as GraphQL passes them (null when given as null). */
export interface PagingArguments {
  readonly before?: string | null;
  readonly limit?: number | null;
}

/** A userId or roomId argument: a positive int32, else VALIDATION_FAILED naming it (as HTTP). */
export const idArgument = (value: unknown, name: string): number => requirePositiveInt32(value, name);

/** The paging of a history field, refused with the same messages as HTTP's `?limit=&before=`. */
export const historyPagingOf = (args: PagingArguments): HistoryPaging => {
  const paging: { limit?: number; before?: string } = {};
  if (args.limit !== undefined && args.limit !== null) paging.limit = requirePageLimit(args.limit, HISTORY_MAX_LIMIT);
  if (args.before !== undefined && args.before !== null) paging.before = cursorMessageIdOf(args.before, 'before');
  return paging;
};

/** The optional idempotency key of a send, left out when absent. */
export const clientMessageIdOf = (args: { readonly clientMessageId?: string | null }): { clientMessageId?: string } =>
  args.clientMessageId === undefined || args.clientMessageId === null ? {} : { clientMessageId: args.clientMessageId };

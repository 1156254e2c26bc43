import { optionalQueryPageLimit } from '@chatterroom/kernel';
import type { ListingPaging } from '../api/room-administration.api';
import { pathIdOf } from './request-params';

/** `?limit=` (an integer 1..max) and `?after=` (a positive int32) of a listing; both optional. */
export const listingPagingOf = (query: unknown, max: number): ListingPaging => {
  const { limit, after } = (query ?? {}) as Record<string, unknown>;
  const paging: { limit?: number; after?: number } = {};
  if (limit !== undefined) paging.limit = optionalQueryPageLimit(limit, max);
  if (after !== undefined) paging.after = pathIdOf({ after }, 'after');
  return paging;
};

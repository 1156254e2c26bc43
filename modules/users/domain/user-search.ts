import { validationFailed } from '@chatterroom/kernel';
import { SEARCH_USERS_DEFAULT_LIMIT, SEARCH_USERS_MAX_LIMIT } from '../contracts';
import { inputFields } from './input-fields';

const QUERY_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/;

/** A checked username search: the prefix as given and the page size. */
export interface UserSearch {
  readonly query: string;
  readonly limit: number;
}

/**
 * Checks a `searchUsers` request.
 * @throws DomainError VALIDATION_FAILED (query not 1-32 username characters, limit not an integer 1-50)
 */
export const parseUserSearch = (input: unknown): UserSearch => {
  const { query, limit } = inputFields(input);
  if (typeof query !== 'string' || !QUERY_PATTERN.test(query)) {
    throw validationFailed("q must be 1-32 characters of letters, digits, '_', '.' or '-'");
  }
  if (limit === undefined) return { query, limit: SEARCH_USERS_DEFAULT_LIMIT };
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > SEARCH_USERS_MAX_LIMIT) {
    throw validationFailed(`limit must be an integer from 1 to ${SEARCH_USERS_MAX_LIMIT}`);
  }
  return { query, limit };
};

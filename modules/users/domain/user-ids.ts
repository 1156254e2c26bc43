import { requirePositiveInt32, validationFailed } from '@chatterroom/kernel';
import { GET_USERS_MAX_IDS } from '../contracts';
import { inputFields } from './input-fields';

/**
 * Checks a `getUsers` request and returns its ids once each, in the order first given.
 * The length is checked before any element, so a huge list costs no more than a short one.
 * @throws DomainError VALIDATION_FAILED (not an array, more than GET_USERS_MAX_IDS ids,
 * an id not a positive int32)
 */
export const parseUserIds = (input: unknown): number[] => {
  const userIds = inputFields(input).userIds;
  if (!Array.isArray(userIds)) throw validationFailed('userIds must be an array');
  if (userIds.length > GET_USERS_MAX_IDS) throw validationFailed(`userIds must hold at most ${GET_USERS_MAX_IDS} ids`);
  const unique = new Set<number>();
  for (let i = 0; i < userIds.length; i += 1) unique.add(requirePositiveInt32(userIds[i], `userIds[${i}]`));
  return [...unique];
};

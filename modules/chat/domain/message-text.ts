import { validationFailed } from '../../kernel';
import { MESSAGE_MAX_LENGTH } from '../contracts';
import { codePointLength } from './text-length';

/**
 * Returns `value` unchanged when it is valid message text: a string of 1-4000
 * characters, counted in Unicode code points (an emoji counts as one), that is not
 * only whitespace. Stored as given: surrounding whitespace is kept.
 */
export const requireMessageText = (value: unknown, field = 'message'): string => {
  if (typeof value !== 'string') throw validationFailed(`${field} must be a string`);
  const length = codePointLength(value, MESSAGE_MAX_LENGTH);
  if (length < 1 || length > MESSAGE_MAX_LENGTH) {
    throw validationFailed(`${field} must be 1-${MESSAGE_MAX_LENGTH} characters`);
  }
  if (value.trim().length === 0) throw validationFailed(`${field} must not be only whitespace`);
  return value;
};

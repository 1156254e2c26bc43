import { validationFailed } from '@chatterroom/kernel';
import { MESSAGE_MAX_LENGTH } from '../contracts';
import { requireCodePointsWithin, requireString } from './text-length';

/**
 * Returns `value` unchanged when it is valid message text: a string of 1-4000
 * characters, counted in Unicode code points (an emoji counts as one), that is not
 * only whitespace. Stored as given: surrounding whitespace is kept.
 */
export const requireMessageText = (value: unknown, field = 'message'): string => {
  const text = requireCodePointsWithin(requireString(value, field), field, MESSAGE_MAX_LENGTH);
  if (text.trim().length === 0) throw validationFailed(`${field} must not be only whitespace`);
  return text;
};

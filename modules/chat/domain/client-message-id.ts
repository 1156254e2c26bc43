import { validationFailed } from '../../kernel';
import { CLIENT_MESSAGE_ID_MAX_LENGTH } from '../contracts';
import { codePointLength } from './text-length';

/**
 * Returns the sender's idempotency key, or undefined when the send carries none
 * (`undefined` or `null`). A key is a string of 1-64 characters (code points).
 */
export const optionalClientMessageId = (value: unknown, field = 'clientMessageId'): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationFailed(`${field} must be a string`);
  const length = codePointLength(value, CLIENT_MESSAGE_ID_MAX_LENGTH);
  if (length < 1 || length > CLIENT_MESSAGE_ID_MAX_LENGTH) {
    throw validationFailed(`${field} must be 1-${CLIENT_MESSAGE_ID_MAX_LENGTH} characters`);
  }
  return value;
};

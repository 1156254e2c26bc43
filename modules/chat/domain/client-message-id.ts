import { CLIENT_MESSAGE_ID_MAX_LENGTH } from '../contracts';
import { requireCodePointsWithin, requireString } from './text-length';

/**
 * Returns the sender's idempotency key, or undefined when the send carries none
 * (`undefined` or `null`). A key is a string of 1-64 characters (code points).
 */
export const optionalClientMessageId = (value: unknown, field = 'clientMessageId'): string | undefined =>
  value === undefined || value === null ? undefined : requireCodePointsWithin(requireString(value, field), field, CLIENT_MESSAGE_ID_MAX_LENGTH);

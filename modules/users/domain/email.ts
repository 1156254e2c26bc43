import { validationFailed } from '@chatterroom/kernel';
import { requireString } from './input-fields';

export const EMAIL_MAX_LENGTH = 254;

/**
 * A pragmatic check, not RFC 5322: one `@`, a non-empty local part, a domain of at
 * least two non-empty dot-separated labels, no whitespace or control characters.
 */
const EMAIL_PATTERN = /^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export const isWellFormedEmail = (value: string): boolean =>
  value.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(value) && !CONTROL_CHARACTERS.test(value);

/** Emails are unique ignoring case and stored lower-cased. */
export const normalizeEmail = (email: string): string => email.toLowerCase();

/** Returns the email lower-cased, or throws VALIDATION_FAILED. */
export const parseEmail = (value: unknown): string => {
  const email = requireString(value, 'email');
  if (!isWellFormedEmail(email)) throw validationFailed('email must be a valid email address');
  return normalizeEmail(email);
};

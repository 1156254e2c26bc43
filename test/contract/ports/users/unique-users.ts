import { randomBytes, randomInt } from 'node:crypto';

const USERNAME_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-';

/** A username no other test uses: 3-32 characters of the allowed alphabet. */
export const uniqueUsername = (prefix = 'u'): string => `${prefix}_${randomBytes(6).toString('hex')}`;

/** A random valid username of `length` characters; short ones may collide, so callers retry. */
export const randomUsernameOf = (length: number): string =>
  Array.from({ length }, () => USERNAME_ALPHABET[randomInt(USERNAME_ALPHABET.length)]).join('');

export const emailOf = (username: string): string => `${username.toLowerCase()}@example.com`;

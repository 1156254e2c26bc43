import { validationFailed } from '@chatterroom/kernel';
import { requireString } from './input-fields';

const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,32}$/;

/** 3-32 characters of letters, digits, `_`, `.` and `-`. */
export const isWellFormedUsername = (value: string): boolean => USERNAME_PATTERN.test(value);

/** Usernames are stored as given but compared ignoring case, through this key. */
export const usernameKey = (username: string): string => username.toLowerCase();

/** Returns the username as given, or throws VALIDATION_FAILED. */
export const parseUsername = (value: unknown): string => {
  const username = requireString(value, 'username');
  if (!isWellFormedUsername(username)) {
    throw validationFailed("username must be 3-32 characters of letters, digits, '_', '.' or '-'");
  }
  return username;
};

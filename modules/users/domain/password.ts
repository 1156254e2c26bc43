import { validationFailed } from '@chatterroom/kernel';
import { requireString } from './input-fields';

export const PASSWORD_MIN_BYTES = 8;
/** bcrypt ignores everything after 72 bytes, so longer passwords are refused rather than truncated. */
export const PASSWORD_MAX_BYTES = 72;

const encoder = new TextEncoder();

export const passwordByteLength = (password: string): number => encoder.encode(password).length;

export const isAcceptablePasswordLength = (password: string): boolean => {
  const bytes = passwordByteLength(password);
  return bytes >= PASSWORD_MIN_BYTES && bytes <= PASSWORD_MAX_BYTES;
};

/** Returns the password, or throws VALIDATION_FAILED when it is not 8-72 UTF-8 bytes. */
export const parsePassword = (value: unknown): string => {
  const password = requireString(value, 'password');
  if (!isAcceptablePasswordLength(password)) {
    throw validationFailed(`password must be ${PASSWORD_MIN_BYTES}-${PASSWORD_MAX_BYTES} bytes long (UTF-8)`);
  }
  return password;
};

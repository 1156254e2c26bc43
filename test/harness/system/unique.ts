import { randomBytes } from 'node:crypto';

let counter = 0;

/** A short token unique across runs and tests: random bytes plus a per-file counter. */
export const uniqueSuffix = (): string => `${randomBytes(4).toString('hex')}${(++counter).toString(36)}`;

/** A valid username (3-32 of [A-Za-z0-9_.-]) no other test uses; `label` is cut to 16 characters. */
export const uniqueUsername = (label = 'user'): string => `${label.slice(0, 16)}_${uniqueSuffix()}`;

/** A text no other message has, to find it in pushes and histories. */
export const uniqueText = (label = 'msg'): string => `${label} ${uniqueSuffix()}`;

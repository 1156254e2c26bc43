import { validationFailed } from '@chatterroom/kernel';

/** The fields of an untyped request; anything but a plain object is invalid input. */
export const inputFields = (input: unknown): Readonly<Record<string, unknown>> => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw validationFailed('input must be an object');
  }
  return input as Record<string, unknown>;
};

/** Returns `value` when it is a string, else throws VALIDATION_FAILED naming `field`. */
export const requireString = (value: unknown, field: string): string => {
  if (typeof value !== 'string') throw validationFailed(`${field} must be a string`);
  return value;
};

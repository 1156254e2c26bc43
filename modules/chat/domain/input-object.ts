import { validationFailed } from '@chatterroom/kernel';

/**
 * Returns `input` when it is an object, so a call with no input object fails as
 * VALIDATION_FAILED instead of a TypeError on the first field read.
 */
export const requireInputObject = <T>(input: T): T => {
  if (typeof input !== 'object' || input === null) throw validationFailed('input must be an object');
  return input;
};

import { validationFailed } from '@chatterroom/kernel';

/**
 * Length of `text` in Unicode code points, counted no further than `cap + 1`
 * (enough to tell "too long"), so a huge input costs no more than a valid one.
 */
export const codePointLength = (text: string, cap: number): number => {
  if (text.length <= cap) return countCodePoints(text, text.length);
  if (text.length > cap * 2) return cap + 1;
  return countCodePoints(text, cap + 1);
};

const countCodePoints = (text: string, limit: number): number => {
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count >= limit) break;
  }
  return count;
};

/** Returns `value` when it is a string, else throws VALIDATION_FAILED naming `field`. */
export const requireString = (value: unknown, field: string): string => {
  if (typeof value !== 'string') throw validationFailed(`${field} must be a string`);
  return value;
};

/**
 * Returns `text` when it holds 1 to `max` code points, else throws VALIDATION_FAILED
 * "`field` must be 1-`max` characters" followed by `qualifier` (" once trimmed").
 */
export const requireCodePointsWithin = (text: string, field: string, max: number, qualifier = ''): string => {
  const length = codePointLength(text, max);
  if (length < 1 || length > max) throw validationFailed(`${field} must be 1-${max} characters${qualifier}`);
  return text;
};

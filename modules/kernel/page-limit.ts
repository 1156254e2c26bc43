import { validationFailed } from './domain-error';

/** Returns `value` when it is an integer page size from 1 to `max`, else throws VALIDATION_FAILED naming `limit`. */
export const requirePageLimit = (value: unknown, max: number): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw validationFailed(`limit must be an integer from 1 to ${max}`);
  }
  return value;
};

/** As {@link requirePageLimit}; absent (undefined or null) is `fallback`. */
export const optionalPageLimit = (value: unknown, max: number, fallback: number): number =>
  value === undefined || value === null ? fallback : requirePageLimit(value, max);

/** A `?limit=` query string (1-4 digits) as {@link requirePageLimit} checks it; absent is undefined. */
export const optionalQueryPageLimit = (value: unknown, max: number): number | undefined =>
  value === undefined ? undefined : requirePageLimit(typeof value === 'string' && /^[0-9]{1,4}$/.test(value) ? Number(value) : NaN, max);

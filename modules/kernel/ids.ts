import { validationFailed } from './domain-error';

export const INT32_MAX = 2_147_483_647;

/** userId and roomId are positive int32 values (the seed's gRPC contract). */
export const isPositiveInt32 = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= INT32_MAX;

/** Returns `value` when it is a positive int32, else throws VALIDATION_FAILED naming `field`. */
export const requirePositiveInt32 = (value: unknown, field: string): number => {
  if (!isPositiveInt32(value)) throw validationFailed(`${field} must be a positive 32-bit integer`);
  return value;
};

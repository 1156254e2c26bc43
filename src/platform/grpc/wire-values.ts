import { INT32_MAX, validationFailed } from '@chatterroom/kernel';

/*
 * Checks a remote client makes before sending: protobuf would silently coerce what the
 * wire cannot carry (1.5 -> 1, '7' -> 7, 5 -> '5'), so such values fail here as
 * VALIDATION_FAILED, with the message the service gives the same value in process.
 * Values the wire carries faithfully are left for the service to judge.
 */

const INT32_MIN = -INT32_MAX - 1;

const isInt32 = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;

/** `input` when it is a plain object (not null, not an array). */
export const wireInput = <T>(input: T): T => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw validationFailed('input must be an object');
  return input;
};

/** A required int32 field, such as an id. */
export const wireInt32 = (value: unknown, field: string, message = `${field} must be a positive 32-bit integer`): number => {
  if (!isInt32(value)) throw validationFailed(message);
  return value;
};

/** A required string field. */
export const wireString = (value: unknown, field: string, message = `${field} must be a string`): string => {
  if (typeof value !== 'string') throw validationFailed(message);
  return value;
};

/** An optional int32 field: `undefined` and `null` mean "not set". */
export const optionalWireInt32 = (value: unknown, field: string, message?: string): number | undefined =>
  value === undefined || value === null ? undefined : wireInt32(value, field, message);

/** An optional string field: `undefined` and `null` mean "not set". */
export const optionalWireString = (value: unknown, field: string, message?: string): string | undefined =>
  value === undefined || value === null ? undefined : wireString(value, field, message);

/** `{ [field]: value }`, or `{}` when value is undefined, so an unset optional field stays absent. */
export const presentField = <K extends string, V>(field: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [field]: value }) as { [P in K]?: V };

import { requirePositiveInt32, validationFailed } from '@chatterroom/kernel';

/** The fields of a request body or a WebSocket frame, once known to be a JSON object. */
export type InputFields = Readonly<Record<string, unknown>>;

/** Shape checks shared by HTTP and WebSocket, so both refuse the same input with the same message. */
export const inputFieldsOf = (value: unknown, what = 'body'): InputFields => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validationFailed(`${what} must be a JSON object`);
  }
  return value as InputFields;
};

/** Empty input (no body) counts as `{}`: for operations whose fields are all optional. */
export const optionalInputFieldsOf = (value: unknown, what = 'body'): InputFields =>
  value === undefined || value === null ? {} : inputFieldsOf(value, what);

export const stringField = (fields: InputFields, name: string): string => {
  const value = fields[name];
  if (typeof value !== 'string') throw validationFailed(`${name} must be a string`);
  return value;
};

/** A string field that may be absent (missing or null). */
export const optionalStringField = (fields: InputFields, name: string): string | undefined =>
  fields[name] === undefined || fields[name] === null ? undefined : stringField(fields, name);

export const idField = (fields: InputFields, name: string): number => requirePositiveInt32(fields[name], name);

/** A `before`/`after` history cursor: a non-empty messageId, else VALIDATION_FAILED naming it (HTTP and GraphQL alike). */
export const cursorMessageIdOf = (value: unknown, name: string): string => {
  if (typeof value !== 'string' || value === '') throw validationFailed(`${name} must be a messageId`);
  return value;
};

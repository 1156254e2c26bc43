import { validationFailed } from '../../kernel';
import { codePointLength } from './text-length';

export const ROOM_NAME_MAX_LENGTH = 64;

/** Returns the trimmed room name: a string of 1-64 characters (code points) once trimmed. */
export const requireRoomName = (value: unknown, field = 'name'): string => {
  if (typeof value !== 'string') throw validationFailed(`${field} must be a string`);
  const name = value.trim();
  const length = codePointLength(name, ROOM_NAME_MAX_LENGTH);
  if (length < 1 || length > ROOM_NAME_MAX_LENGTH) {
    throw validationFailed(`${field} must be 1-${ROOM_NAME_MAX_LENGTH} characters once trimmed`);
  }
  return name;
};

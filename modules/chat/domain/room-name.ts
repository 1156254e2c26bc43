import { requireCodePointsWithin, requireString } from './text-length';

export const ROOM_NAME_MAX_LENGTH = 64;

/** Returns the trimmed room name: a string of 1-64 characters (code points) once trimmed. */
export const requireRoomName = (value: unknown, field = 'name'): string =>
  requireCodePointsWithin(requireString(value, field).trim(), field, ROOM_NAME_MAX_LENGTH, ' once trimmed');

import { requirePositiveInt32, validationFailed } from '@chatterroom/kernel';
import { ROOM_CREATE_MAX_MEMBERS, ROOM_ROLES, ROOM_VISIBILITIES } from '../contracts';
import type { RoomRole, RoomVisibility } from '../contracts';

const isAbsent = (value: unknown): value is null | undefined => value === undefined || value === null;

/** `public` or `private`; absent = undefined. */
export const optionalVisibility = (value: unknown): RoomVisibility | undefined => {
  if (isAbsent(value)) return undefined;
  if (!ROOM_VISIBILITIES.includes(value as RoomVisibility)) throw validationFailed('visibility must be "public" or "private"');
  return value as RoomVisibility;
};

/** `owner`, `admin` or `member`. */
export const requireRole = (value: unknown): RoomRole => {
  if (!ROOM_ROLES.includes(value as RoomRole)) throw validationFailed('role must be "owner", "admin" or "member"');
  return value as RoomRole;
};

/** The userIds to add at creation: at most 100 positive int32s, each once, without the creator. */
export const optionalInitialMembers = (value: unknown, creatorId: number): number[] => {
  if (isAbsent(value)) return [];
  if (!Array.isArray(value)) throw validationFailed('members must be an array of userIds');
  if (value.length > ROOM_CREATE_MAX_MEMBERS) throw validationFailed(`members must list at most ${ROOM_CREATE_MAX_MEMBERS} userIds`);
  const ids = value.map((id, index) => requirePositiveInt32(id, `members[${index}]`));
  return [...new Set(ids)].filter((id) => id !== creatorId);
};

/** A keyset cursor (a userId or roomId); absent = undefined. */
export const optionalAfter = (value: unknown): number | undefined => (isAbsent(value) ? undefined : requirePositiveInt32(value, 'after'));

import type { UserSummary } from './user.dto';

/** Published after a user is stored. */
export const USER_REGISTERED_V1 = 'users.user-registered.v1';
export type UserRegisteredV1 = UserSummary;

import { randomBytes } from 'node:crypto';
import { runLimited } from '../load/run-limited';
import type { BenchApi, BenchUser } from './http-api';

const CONCURRENCY = 16;
/**
 * Sign-ups run 4 at a time: on FerretDB concurrent sign-ups race for the userId counter
 * and each lost race is retried, so 16 at once can outlast the gateway's gRPC deadline.
 */
const SIGN_UP_CONCURRENCY = 4;

/** Usernames unique to this run (3-32 characters of the allowed alphabet). */
const runTag = (): string => randomBytes(4).toString('hex');

/** `count` new users with tokens, created with bounded concurrency. */
export const createUsers = async (api: BenchApi, count: number): Promise<BenchUser[]> => {
  const tag = runTag();
  return runLimited(Array.from({ length: count }, (_, index) => index), SIGN_UP_CONCURRENCY, (index) => api.createUser(`b${tag}_${index}`));
};

/** A room owned by `members[0]` that every other member has joined (before any socket connects, so no join is pushed). */
export const createRoomWith = async (api: BenchApi, members: readonly BenchUser[], name: string): Promise<number> => {
  const [owner, ...others] = members;
  if (owner === undefined) throw new Error('a room needs at least one member');
  const roomId = await api.createRoom(owner, name);
  await runLimited(others, CONCURRENCY, (user) => api.joinRoom(user, roomId));
  return roomId;
};

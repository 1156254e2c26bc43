import type { HttpResponse, Json } from './http-client';
import type { TestUser } from './test-users';
import { uniqueText } from './unique';

/*
 * Steps a test takes on the way to what it checks, over HTTP. Each fails loudly, with the
 * answer, when the system does not answer as the contract says.
 */

const expectStatus = (response: HttpResponse, status: number, what: string): Json => {
  if (response.status !== status) {
    throw new Error(`${what}: expected HTTP ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
};

/** Creates a room (the user becomes its member) and returns its roomId. */
export const createRoom = async (user: TestUser, name = uniqueText('room')): Promise<number> =>
  expectStatus(await user.http.post('/rooms/create', { name }), 201, 'create room').roomId as number;

export const joinRoom = async (user: TestUser, roomId: number): Promise<Json> =>
  expectStatus(await user.http.post(`/rooms/${roomId}/join`), 200, 'join room');

export const leaveRoom = async (user: TestUser, roomId: number): Promise<Json> =>
  expectStatus(await user.http.post(`/rooms/${roomId}/leave`), 200, 'leave room');

/** A room created by `owner` that every one of `others` has joined. */
export const roomWith = async (owner: TestUser, ...others: TestUser[]): Promise<number> => {
  const roomId = await createRoom(owner);
  for (const other of others) await joinRoom(other, roomId);
  return roomId;
};

export const sendPrivate = async (from: TestUser, to: TestUser | number, message = uniqueText(), extra: object = {}): Promise<Json> =>
  expectStatus(
    await from.http.post(`/chats/private/${typeof to === 'number' ? to : to.userId}`, { message, ...extra }),
    201,
    'send private message',
  );

export const sendToRoom = async (from: TestUser, roomId: number, message = uniqueText(), extra: object = {}): Promise<Json> =>
  expectStatus(await from.http.post(`/chats/room/${roomId}`, { message, ...extra }), 201, 'send room message');

const query = (params: Record<string, string | number> = {}): string => {
  const search = new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, String(value)]));
  return search.size === 0 ? '' : `?${search.toString()}`;
};

export const privateHistory = async (user: TestUser, other: TestUser, params?: Record<string, string | number>): Promise<Json[]> =>
  expectStatus(await user.http.get(`/chats/private/${other.userId}/history${query(params)}`), 200, 'private history');

export const roomHistory = async (user: TestUser, roomId: number, params?: Record<string, string | number>): Promise<Json[]> =>
  expectStatus(await user.http.get(`/chats/room/${roomId}/history${query(params)}`), 200, 'room history');

/** A user id no user has: past any id a test run creates, yet a valid positive int32. */
export const NO_SUCH_USER_ID = 2_147_000_001;
/** A room id no room has. */
export const NO_SUCH_ROOM_ID = 2_147_000_002;

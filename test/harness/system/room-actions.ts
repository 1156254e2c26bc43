import type { HttpResponse, Json } from './http-client';
import type { TestUser } from './test-users';
import { uniqueText } from './unique';

/*
 * Steps on the way to what a test checks, for rooms people run (issue 10). Each fails
 * loudly, with the answer, when the system does not answer as the contract says.
 */

const expectStatus = (response: HttpResponse, status: number, what: string): Json => {
  if (response.status !== status) {
    throw new Error(`${what}: expected HTTP ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
};

/** Creates a room with `visibility` and `members` (TestUsers) and returns its roomId. */
export const createRoomWith = async (
  owner: TestUser,
  options: { visibility?: 'public' | 'private'; members?: TestUser[]; name?: string } = {},
): Promise<number> => {
  const body = {
    name: options.name ?? uniqueText('room'),
    ...(options.visibility === undefined ? {} : { visibility: options.visibility }),
    ...(options.members === undefined ? {} : { members: options.members.map((member) => member.userId) }),
  };
  return expectStatus(await owner.http.post('/rooms/create', body), 201, 'create room').roomId as number;
};

export const addMember = async (by: TestUser, roomId: number, member: TestUser): Promise<Json> =>
  expectStatus(await by.http.post(`/rooms/${roomId}/members`, { userId: member.userId }), 201, 'add member');

export const setRole = async (by: TestUser, roomId: number, member: TestUser, role: string): Promise<Json> =>
  expectStatus(await by.http.put(`/rooms/${roomId}/members/${member.userId}/role`, { role }), 200, 'set role');

export const removeMember = async (by: TestUser, roomId: number, member: TestUser): Promise<Json> =>
  expectStatus(await by.http.delete(`/rooms/${roomId}/members/${member.userId}`), 200, 'remove member');

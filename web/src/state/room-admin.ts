import type { AuthSession } from '../api/auth-session';
import type { SuccessBody } from '../api/http-client';
import type { RoomRole, RoomVisibility } from '../api/ws-frames';

/** A room of the public directory (GET /rooms/public). */
export type DirectoryRoom = SuccessBody<'/rooms/public', 'get'>['rooms'][number];

/** A member as GET /rooms/{roomId}/members lists them; `username` is unknown for one just added by a push. */
export interface RoomMember {
  readonly userId: number;
  readonly username: string | undefined;
  readonly role: RoomRole;
}

/** One page of a listing and the `after` of the next one (undefined on the last). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextAfter: number | undefined;
}

const admins = new WeakMap<AuthSession, RoomAdmin>();

/**
 * Running rooms over the HTTP API (issue 10): the public directory, the member list, adding,
 * removing, roles, renaming, visibility and deletion. Every method rejects with the server's
 * ApiError (its `message` is fit to show: the server decides what the caller's role allows).
 */
export class RoomAdmin {
  constructor(private readonly auth: AuthSession) {}

  /** The RoomAdmin of a signed-in session (one per session). */
  static of(auth: AuthSession): RoomAdmin {
    let admin = admins.get(auth);
    if (admin === undefined) {
      admin = new RoomAdmin(auth);
      admins.set(auth, admin);
    }
    return admin;
  }

  /** Public rooms whose name contains `q` (any case), by roomId, `limit` at a time after `after`. */
  async publicRooms(q: string, after: number | undefined, limit = 20): Promise<Page<DirectoryRoom>> {
    const query = { limit: String(limit), ...(q === '' ? {} : { q }), ...(after === undefined ? {} : { after: String(after) }) };
    const page = await this.auth.call('get', '/rooms/public', { query });
    return { items: page.rooms, nextAfter: page.nextAfter ?? undefined };
  }

  /** The members after userId `after`, by userId (members only). */
  async members(roomId: number, after: number | undefined, limit = 50): Promise<Page<RoomMember>> {
    const query = { limit: String(limit), ...(after === undefined ? {} : { after: String(after) }) };
    const page = await this.auth.call('get', '/rooms/{roomId}/members', { path: { roomId: String(roomId) }, query });
    return { items: page.members.map(({ userId, username, role }) => ({ userId, username, role })), nextAfter: page.nextAfter ?? undefined };
  }

  async addMember(roomId: number, userId: number): Promise<void> {
    await this.auth.call('post', '/rooms/{roomId}/members', { path: { roomId: String(roomId) }, body: { userId } });
  }

  async removeMember(roomId: number, userId: number): Promise<void> {
    await this.auth.call('delete', '/rooms/{roomId}/members/{userId}', { path: { roomId: String(roomId), userId: String(userId) } });
  }

  /** Owner only; `owner` hands the room over (the previous owner becomes an admin). */
  async setRole(roomId: number, userId: number, role: RoomRole): Promise<void> {
    await this.auth.call('put', '/rooms/{roomId}/members/{userId}/role', { path: { roomId: String(roomId), userId: String(userId) }, body: { role } });
  }

  /** Owner or admin: a new name, visibility, or both. */
  async update(roomId: number, change: { readonly name?: string; readonly visibility?: RoomVisibility }): Promise<void> {
    await this.auth.call('patch', '/rooms/{roomId}', { path: { roomId: String(roomId) }, body: change });
  }

  /** Owner only: the room, its members and its history are gone. */
  async deleteRoom(roomId: number): Promise<void> {
    await this.auth.call('delete', '/rooms/{roomId}', { path: { roomId: String(roomId) } });
  }
}

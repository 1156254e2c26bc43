import type { RoomVisibility } from '../contracts';

export interface StoredRoom {
  readonly roomId: number;
  readonly name: string;
  readonly createdBy: number;
  readonly createdAt: string;
  readonly visibility: RoomVisibility;
}

export interface NewRoom {
  readonly name: string;
  readonly createdBy: number;
  readonly createdAt: string;
  readonly visibility: RoomVisibility;
}

export interface RoomChanges {
  readonly name?: string;
  readonly visibility?: RoomVisibility;
}

/** One page of the public rooms whose name contains `query` (case-insensitively), by roomId ascending. */
export interface PublicRoomQuery {
  /** Already trimmed; omitted or empty = every public room. */
  readonly query?: string;
  /** A roomId; only rooms with a greater one. */
  readonly after?: number;
  /** 1-100. */
  readonly limit: number;
}

/** Outbound port: durable storage of rooms (not their members: see RoomMembership). */
export interface RoomStore {
  /**
   * Stores a room under a freshly allocated roomId: a positive int32, never reused and
   * never handed out twice even with several service replicas on one database.
   */
  create(room: NewRoom): Promise<StoredRoom>;

  /** Returns the room, or null when none has that id. */
  findById(roomId: number): Promise<StoredRoom | null>;

  /** Returns the rooms among `roomIds` that exist, by roomId ascending; unknown ids are left out. */
  findManyByIds(roomIds: readonly number[]): Promise<StoredRoom[]>;

  /** Applies the changes given and returns the room after them, or null when there is no such room. */
  update(roomId: number, changes: RoomChanges): Promise<StoredRoom | null>;

  /** Deletes the room. Idempotent: false when there was none. Its roomId is never handed out again. */
  delete(roomId: number): Promise<boolean>;

  /** Public rooms matching the query, by roomId ascending; private rooms are never listed. */
  listPublic(query: PublicRoomQuery): Promise<StoredRoom[]>;
}

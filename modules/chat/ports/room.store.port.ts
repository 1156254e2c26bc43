export interface StoredRoom {
  readonly roomId: number;
  readonly name: string;
  readonly createdBy: number;
  readonly createdAt: string;
}

export interface NewRoom {
  readonly name: string;
  readonly createdBy: number;
  readonly createdAt: string;
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
}

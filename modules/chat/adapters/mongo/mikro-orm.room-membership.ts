import { ObjectId, type MikroORM } from '@mikro-orm/mongodb';
import { isDuplicateKeyError } from '../../../../src/platform/mongo/duplicate-key';
import type { RoomMembership } from '../../ports';
import { roomMemberSchema } from './room-member.schema';

/**
 * {@link RoomMembership} on MongoDB through MikroORM: one `room_members` document per
 * (roomId, userId), made unique by a compound index that also lists a room's members in
 * order; a second index on (userId, roomId) lists a user's rooms. `add` inserts and reads a
 * duplicate-key refusal as "already a member", so concurrent adds count once; `remove`
 * deletes and reports whether a document went.
 */
export class MikroOrmRoomMembership implements RoomMembership {
  private readonly orm: MikroORM;

  constructor(deps: { mongoOrm: MikroORM }) {
    this.orm = deps.mongoOrm;
  }

  async add(roomId: number, userId: number): Promise<boolean> {
    try {
      await this.orm.em.fork().insert(roomMemberSchema, { _id: new ObjectId(), roomId, userId });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async remove(roomId: number, userId: number): Promise<boolean> {
    return (await this.orm.em.fork().nativeDelete(roomMemberSchema, { roomId, userId })) > 0;
  }

  async isMember(roomId: number, userId: number): Promise<boolean> {
    return (await this.orm.em.fork().count(roomMemberSchema, { roomId, userId })) > 0;
  }

  async members(roomId: number): Promise<number[]> {
    const found = await this.orm.em.fork().find(roomMemberSchema, { roomId }, { orderBy: { userId: 'asc' }, fields: ['userId'] });
    return found.map((member) => member.userId);
  }

  async roomsOf(userId: number): Promise<number[]> {
    const found = await this.orm.em.fork().find(roomMemberSchema, { userId }, { orderBy: { roomId: 'asc' }, fields: ['roomId'] });
    return found.map((member) => member.roomId);
  }
}

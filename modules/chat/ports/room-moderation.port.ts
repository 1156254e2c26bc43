/** Outbound port: who may moderate a room (delete other members' messages). */
export interface RoomModeration {
  /**
   * True when `userId` may delete anyone's messages in room `roomId` (its owner and admins);
   * false for anyone else and for a room that does not exist. Read-only; never throws for
   * an unknown room or user.
   */
  mayModerate(roomId: number, userId: number): Promise<boolean>;
}

import type { RoomDetails, RoomMembershipState, RoomRegistry, RoomSummary, RoomVisibility } from '@chatterroom/chat/contracts';
import { inputFieldsOf, stringField } from './input-fields';

type RoomsDeps = { roomRegistry: RoomRegistry };

const summaryBody = (room: RoomSummary): RoomSummary => ({ roomId: room.roomId, name: room.name });

const membershipBody = (state: RoomMembershipState): RoomMembershipState => ({
  roomId: state.roomId,
  userId: state.userId,
  joined: state.joined,
});

/** Creates a room `{name, visibility?, members?}` with the caller as its owner and the listed members in it. */
export const createRoom = async (deps: RoomsDeps, callerId: number, body: unknown): Promise<RoomSummary> => {
  const fields = inputFieldsOf(body);
  const roomName = stringField(fields, 'name');
  const { visibility, members } = fields as { visibility?: RoomVisibility | null; members?: number[] | null };
  return summaryBody(
    await deps.roomRegistry.createRoom({
      roomName,
      userId: callerId,
      ...(visibility === undefined || visibility === null ? {} : { visibility }),
      ...(members === undefined || members === null ? {} : { members }),
    }),
  );
};

export const joinRoom = async (deps: RoomsDeps, callerId: number, roomId: number): Promise<RoomMembershipState> =>
  membershipBody(await deps.roomRegistry.joinRoom({ userId: callerId, roomId }));

export const leaveRoom = async (deps: RoomsDeps, callerId: number, roomId: number): Promise<RoomMembershipState> =>
  membershipBody(await deps.roomRegistry.leaveRoom({ userId: callerId, roomId }));

/** The rooms the caller belongs to. */
export const listRooms = async (deps: RoomsDeps, callerId: number): Promise<RoomSummary[]> =>
  (await deps.roomRegistry.listRooms({ userId: callerId })).map(summaryBody);

/** A room with its members, visibility, member count and the caller's role, for a member. */
export const getRoom = async (deps: RoomsDeps, callerId: number, roomId: number): Promise<RoomDetails> => {
  const room = await deps.roomRegistry.getRoom({ userId: callerId, roomId });
  return { roomId: room.roomId, name: room.name, members: [...room.members], visibility: room.visibility, memberCount: room.memberCount, role: room.role };
};

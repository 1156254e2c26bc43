import type { IResolverObject } from 'mercurius';
import { PUBLIC_ROOMS_MAX_LIMIT, ROOM_MEMBERS_MAX_LIMIT, type RoomRole } from '@chatterroom/chat/contracts';
import { requirePageLimit } from '@chatterroom/kernel';
import { addRoomMember, deleteRoom, listPublicRooms, listRoomMembers, removeRoomMember, setRoomRole, updateRoom, type ListingPaging } from '../../api/room-administration.api';
import type { ResolverContext } from '../graphql-context';
import { idArgument } from './arguments';

interface ListingArguments {
  readonly limit?: number | null;
  readonly after?: number | null;
}

/** `limit` (1..max) and `after` of a listing field, refused with the same messages as HTTP's query. */
export const listingPagingOf = (args: ListingArguments, max: number): ListingPaging => {
  const paging: { limit?: number; after?: number } = {};
  if (args.limit !== undefined && args.limit !== null) paging.limit = requirePageLimit(args.limit, max);
  if (args.after !== undefined && args.after !== null) paging.after = idArgument(args.after, 'after');
  return paging;
};

/** A member as the RoomMember type resolves it: the username is looked up (in the request's batch) when absent. */
type MemberParent = { readonly userId: number; readonly username?: string; readonly role: RoomRole; readonly joinedAt: string };

export const roomMemberResolvers: IResolverObject<MemberParent, ResolverContext> = {
  username: async (member, _args, { users }) => member.username ?? (await users.load(member.userId))?.username ?? '',
};

export const roomAdministrationQueryResolvers: IResolverObject<unknown, ResolverContext> = {
  publicRooms: async (_root, args: ListingArguments & { q?: string | null }, { ports, caller }) =>
    listPublicRooms(ports, await caller.id(), args.q ?? undefined, listingPagingOf(args, PUBLIC_ROOMS_MAX_LIMIT)),
};

export const roomAdministrationMutationResolvers: IResolverObject<unknown, ResolverContext> = {
  addRoomMember: async (_root, args: { roomId: number; userId: number }, { ports, caller }) =>
    addRoomMember(ports, await caller.id(), idArgument(args.roomId, 'roomId'), { userId: args.userId }),

  removeRoomMember: async (_root, args: { roomId: number; userId: number }, { ports, caller }) =>
    removeRoomMember(ports, await caller.id(), idArgument(args.roomId, 'roomId'), idArgument(args.userId, 'userId')),

  setRoomRole: async (_root, args: { roomId: number; userId: number; role: RoomRole }, { ports, caller }) =>
    setRoomRole(ports, await caller.id(), idArgument(args.roomId, 'roomId'), idArgument(args.userId, 'userId'), { role: args.role }),

  updateRoom: async (_root, args: { roomId: number; name?: string | null; visibility?: string | null }, { ports, caller }) =>
    updateRoom(ports, await caller.id(), idArgument(args.roomId, 'roomId'), {
      ...(args.name === undefined || args.name === null ? {} : { name: args.name }),
      ...(args.visibility === undefined || args.visibility === null ? {} : { visibility: args.visibility }),
    }),

  deleteRoom: async (_root, args: { roomId: number }, { ports, caller }) => deleteRoom(ports, await caller.id(), idArgument(args.roomId, 'roomId')),
};

/** The Room fields of running rooms; memberPage lists through the same api function as HTTP. */
export const roomMemberPageResolver = async (room: { roomId: number }, args: ListingArguments, { ports, caller }: ResolverContext) =>
  listRoomMembers(ports, await caller.id(), room.roomId, listingPagingOf(args, ROOM_MEMBERS_MAX_LIMIT));

import { RpcAccess, type GrpcAccessTable } from '@chatterroom/platform/grpc';

/**
 * Who may call each RPC of ChatService: a signed-in user, acting only as themself — the
 * field naming the acting user (the sender, the reader, the member joining or leaving, the
 * member running a room: `userId`, never the `memberId` acted upon)
 * must be the token's subject. No service calls the chat service.
 */
export const CHAT_GRPC_ACCESS: GrpcAccessTable = {
  SendPrivateMessage: RpcAccess.actingUser('fromUserId'),
  GetPrivateChatHistory: RpcAccess.actingUser('fromUserId'),
  SendRoomMessage: RpcAccess.actingUser('userId'),
  GetRoomHistory: RpcAccess.actingUser('userId'),
  CreateRoom: RpcAccess.actingUser('userId'),
  JoinRoom: RpcAccess.actingUser('userId'),
  LeaveRoom: RpcAccess.actingUser('userId'),
  ListRooms: RpcAccess.actingUser('userId'),
  GetRoom: RpcAccess.actingUser('userId'),
  GetFeedCursor: RpcAccess.actingUser('userId'),
  GetFeedEvents: RpcAccess.actingUser('userId'),
  ListConversations: RpcAccess.actingUser('userId'),
  MarkRead: RpcAccess.actingUser('userId'),
  AddRoomMember: RpcAccess.actingUser('userId'),
  RemoveRoomMember: RpcAccess.actingUser('userId'),
  SetRoomRole: RpcAccess.actingUser('userId'),
  UpdateRoom: RpcAccess.actingUser('userId'),
  DeleteRoom: RpcAccess.actingUser('userId'),
  ListRoomMembers: RpcAccess.actingUser('userId'),
  ListPublicRooms: RpcAccess.actingUser('userId'),
  EditMessage: RpcAccess.actingUser('userId'),
  DeleteMessage: RpcAccess.actingUser('userId'),
};

import { chatServiceProto, presentField, type GrpcServiceBinding } from '@chatterroom/platform/grpc';
import { RequestDeadline } from '@chatterroom/kernel';
import type { ChatFeed, Conversations, HistoryPaging, MessageEditing, Messaging, RoomAdministration, RoomRegistry, RoomVisibility } from '../../contracts';
import type {
  ChangedMessageResponseMessage,
  CreateRoomRequestMessage,
  DeleteMessageRequestMessage,
  EditMessageRequestMessage,
  GetRoomResponseMessage,
  HistoryResponseMessage,
  ListRoomsRequestMessage,
  ListRoomsResponseMessage,
  MembershipResponseMessage,
  PrivateHistoryRequestMessage,
  PrivateMessageRequestMessage,
  RoomHistoryRequestMessage,
  RoomMemberRequestMessage,
  RoomMessage,
  RoomMessageRequestMessage,
  SentMessageResponseMessage,
} from './chat.grpc-messages';
import { messageOf } from './chat.grpc-mapping';
import { chatFeedGrpcHandlers } from './chat-feed.grpc-handlers';
import { CHAT_GRPC_ACCESS } from './chat.grpc-access';
import { conversationsGrpcHandlers } from './conversations.grpc-handlers';
import { roomAdministrationHandlers } from './room-administration.grpc-handlers';

export interface ChatGrpcServiceDeps {
  readonly messaging: Messaging;
  readonly roomRegistry: RoomRegistry;
  readonly messageEditing: MessageEditing;
  readonly conversations: Conversations;
  readonly roomAdministration: RoomAdministration;
  readonly chatFeed: ChatFeed;
}

const pagingOf = (request: { before?: string; after?: string; limit?: number }): HistoryPaging => ({
  ...presentField('before', request.before),
  ...presentField('after', request.after),
  ...presentField('limit', request.limit),
});

/**
 * The ChatService of proto/chat.proto over the chat module's inbound ports (Messaging,
 * RoomRegistry, RoomAdministration and MessageEditing): each RPC is one port call. Optional request fields that were not
 * sent (clientMessageId, before, limit) are left out of the port input, not defaulted.
 * Failures are the ports' DomainErrors, turned into statuses by startGrpcServer. Who may
 * call what is CHAT_GRPC_ACCESS: a user acting as themself, checked before any handler runs.
 */
export const chatGrpcService = ({ messaging, roomRegistry, roomAdministration, conversations, messageEditing, chatFeed }: ChatGrpcServiceDeps): GrpcServiceBinding => ({
  proto: chatServiceProto(),
  access: CHAT_GRPC_ACCESS,
  handlers: {
    SendPrivateMessage: async (request: PrivateMessageRequestMessage): Promise<SentMessageResponseMessage> => {
      const { fromUserId, toUserId, message } = request;
      const sent = await messaging.sendPrivateMessage({
        fromUserId,
        toUserId,
        message,
        ...presentField('clientMessageId', request.clientMessageId),
        ...presentField('deadline', RequestDeadline.current()),
      });
      return { success: true, message: messageOf(sent) };
    },
    GetPrivateChatHistory: async (request: PrivateHistoryRequestMessage): Promise<HistoryResponseMessage> => {
      const { fromUserId, toUserId } = request;
      const messages = await messaging.getPrivateHistory({ fromUserId, toUserId, ...pagingOf(request) });
      return { messages: messages.map(messageOf) };
    },
    SendRoomMessage: async (request: RoomMessageRequestMessage): Promise<SentMessageResponseMessage> => {
      const { userId, roomId, message } = request;
      const sent = await messaging.sendRoomMessage({
        userId,
        roomId,
        message,
        ...presentField('clientMessageId', request.clientMessageId),
        ...presentField('deadline', RequestDeadline.current()),
      });
      return { success: true, message: messageOf(sent) };
    },
    GetRoomHistory: async (request: RoomHistoryRequestMessage): Promise<HistoryResponseMessage> => {
      const messages = await messaging.getRoomHistory({ userId: request.userId, roomId: request.roomId, ...pagingOf(request) });
      return { messages: messages.map(messageOf) };
    },
    CreateRoom: async (request: CreateRoomRequestMessage): Promise<RoomMessage> => {
      const room = await roomRegistry.createRoom({
        roomName: request.roomName,
        userId: request.userId,
        ...presentField('visibility', request.visibility as RoomVisibility | undefined),
        members: request.members,
      });
      return { roomId: room.roomId, name: room.name };
    },
    JoinRoom: async ({ userId, roomId }: RoomMemberRequestMessage): Promise<MembershipResponseMessage> => {
      const { joined } = await roomRegistry.joinRoom({ userId, roomId });
      return { success: true, joined };
    },
    LeaveRoom: async ({ userId, roomId }: RoomMemberRequestMessage): Promise<MembershipResponseMessage> => {
      const { joined } = await roomRegistry.leaveRoom({ userId, roomId });
      return { success: true, joined };
    },
    ListRooms: async ({ userId }: ListRoomsRequestMessage): Promise<ListRoomsResponseMessage> => {
      const rooms = await roomRegistry.listRooms({ userId });
      return { rooms: rooms.map((room) => ({ roomId: room.roomId, name: room.name })) };
    },
    GetRoom: async ({ userId, roomId }: RoomMemberRequestMessage): Promise<GetRoomResponseMessage> => {
      const room = await roomRegistry.getRoom({ userId, roomId });
      return { ...room, members: room.members };
    },
    EditMessage: async ({ userId, messageId, message }: EditMessageRequestMessage): Promise<ChangedMessageResponseMessage> => ({
      message: messageOf(await messageEditing.editMessage({ userId, messageId, message })),
    }),
    DeleteMessage: async ({ userId, messageId }: DeleteMessageRequestMessage): Promise<ChangedMessageResponseMessage> => ({
      message: messageOf(await messageEditing.deleteMessage({ userId, messageId })),
    }),
    ...conversationsGrpcHandlers(conversations),
    ...roomAdministrationHandlers(roomAdministration),
    ...chatFeedGrpcHandlers(chatFeed),
  },
});

import type { Logger } from '@chatterroom/kernel';
import type { GrpcCallCredentials, GrpcCallOptions, GrpcClientTls, GrpcUnaryClient } from '@chatterroom/platform/grpc';
import { ChatErrors } from '../../contracts';
import { forwardedSendKey } from './forwarded-send-key';
import type {
  ChatMessage,
  CreateRoomInput,
  DeleteMessageInput,
  EditMessageInput,
  ListRoomsInput,
  MessageEditing,
  Messaging,
  PrivateHistoryInput,
  ListPublicRoomsInput,
  ListRoomMembersInput,
  PublicRoomPage,
  RoomActionInput,
  RoomAdministration,
  RoomDeletion,
  RoomDetails,
  RoomHistoryInput,
  RoomInfo,
  RoomMember,
  RoomMemberChangeInput,
  RoomMemberPage,
  RoomMemberRemoval,
  SetRoomRoleInput,
  UpdateRoomInput,
  RoomMemberInput,
  RoomMembershipState,
  RoomRegistry,
  RoomSummary,
  SendPrivateMessageInput,
  SendRoomMessageInput,
} from '../../contracts';
import type {
  ChangedMessageResponseMessage,
  DeleteRoomResponseMessage,
  GetRoomResponseMessage,
  ListPublicRoomsResponseMessage,
  ListRoomMembersResponseMessage,
  RemoveRoomMemberResponseMessage,
  RoomInfoMessage,
  RoomMemberResponseMessage,
  HistoryResponseMessage,
  ListRoomsResponseMessage,
  MembershipResponseMessage,
  RoomMessage,
  SentMessageResponseMessage,
} from './chat.grpc-messages';
import {
  chatMessageOf,
  deleteMessageRequestOf,
  editMessageRequestOf,
  listRoomsRequestOf,
  privateHistoryRequestOf,
  privateMessageRequestOf,
  roomDetailsOf,
  roomHistoryRequestOf,
  roomMemberRequestOf,
  roomMessageRequestOf,
  roomSummaryOf,
  sentMessageOf,
} from './chat.grpc-mapping';
import { chatServiceChannel } from './chat-service-channel';
import {
  createRoomRequestOf,
  listMembersRequestOf,
  listPublicRoomsRequestOf,
  memberChangeRequestOf,
  memberPageOf,
  publicRoomsOf,
  roomActionRequestOf,
  roomInfoOf,
  roomMemberOf,
  setRoleRequestOf,
  updateRoomRequestOf,
} from './room-administration.grpc-mapping';

export interface GrpcChatClientDeps {
  /** `host:port` of the chat service (CHAT_GRPC_ADDRESS). */
  readonly chatGrpcAddress: string;
  /** Deadline of each call, retries included (GRPC_DEADLINE_MS). */
  readonly grpcDeadlineMs: number;
  /** The credential each call carries: the gateway forwards the caller's token, a service shows its own identity. */
  readonly grpcCallCredentials: GrpcCallCredentials;
  /** TLS of the channel (GRPC_TLS_*); undefined = plaintext. */
  readonly grpcClientTls: GrpcClientTls | undefined;
  readonly logger: Logger;
}

/** The same key for both directions of a private conversation. */
const privateAffinity = ({ fromUserId, toUserId }: SendPrivateMessageInput): string =>
  `private:${Math.min(fromUserId, toUserId)}:${Math.max(fromUserId, toUserId)}`;

/**
 * How a send is called: with its own deadline; with a key, retried while the service is
 * unreachable and, when it may have run without answering, failing CHAT_SEND_OUTCOME_UNKNOWN
 * (with the key to retry with) rather than SERVICE_UNAVAILABLE, which means "not stored".
 * It goes to the chat-service replica its `conversation` maps to (affinity), so one
 * conversation's sends share that replica's group commits.
 */
const sendCallOptions = (clientMessageId: string | undefined, deadline: number | undefined, conversation: string): GrpcCallOptions => ({
  retryable: clientMessageId !== undefined,
  affinity: conversation,
  ...(clientMessageId === undefined ? {} : { outcomeUnknown: () => ChatErrors.sendOutcomeUnknown(clientMessageId) }),
  ...(deadline === undefined ? {} : { deadline }),
});

/**
 * Messaging, RoomRegistry, RoomAdministration and MessageEditing answered by the remote chat service over gRPC
 * (proto/chat.proto): one RPC per port method on one channel. Errors come back as the
 * service's own DomainErrors; an unreachable service is SERVICE_UNAVAILABLE. Calls that
 * are safe to repeat are retried while the service is unreachable: reads, JoinRoom and
 * LeaveRoom (idempotent), and sends carrying a clientMessageId; CreateRoom and unkeyed
 * sends are not, since they may have run; every send is keyed (the client's clientMessageId, else one made per call: see forwardedSendKey), so sends are; of the running-rooms calls, reads, SetRoomRole and
 * UpdateRoom are retried (repeating them changes nothing more), adds, removals and deletes are not;
 * DeleteMessage is retried (idempotent), EditMessage is not (a repeat would stamp a new editedAt). Each call carries `grpcCallCredentials` (the
 * gateway's: the token of the request it serves, which the service checks against the acting user).
 */
export class GrpcChatClient implements Messaging, RoomRegistry, RoomAdministration, MessageEditing {
  private readonly client: GrpcUnaryClient;

  constructor(deps: GrpcChatClientDeps) {
    this.client = chatServiceChannel(deps);
  }

  async sendPrivateMessage(input: SendPrivateMessageInput): Promise<ChatMessage> {
    const request = privateMessageRequestOf({ ...input, clientMessageId: forwardedSendKey(input.clientMessageId) });
    return sentMessageOf(await this.client.call<SentMessageResponseMessage>('SendPrivateMessage', request, sendCallOptions(request.clientMessageId, input.deadline, privateAffinity(input))));
  }

  async getPrivateHistory(input: PrivateHistoryInput): Promise<ChatMessage[]> {
    const request = privateHistoryRequestOf(input);
    const response = await this.client.call<HistoryResponseMessage>('GetPrivateChatHistory', request, { retryable: true });
    return response.messages.map(chatMessageOf);
  }

  async sendRoomMessage(input: SendRoomMessageInput): Promise<ChatMessage> {
    const request = roomMessageRequestOf({ ...input, clientMessageId: forwardedSendKey(input.clientMessageId) });
    return sentMessageOf(await this.client.call<SentMessageResponseMessage>('SendRoomMessage', request, sendCallOptions(request.clientMessageId, input.deadline, `room:${input.roomId}`)));
  }

  async getRoomHistory(input: RoomHistoryInput): Promise<ChatMessage[]> {
    const request = roomHistoryRequestOf(input);
    const response = await this.client.call<HistoryResponseMessage>('GetRoomHistory', request, { retryable: true });
    return response.messages.map(chatMessageOf);
  }

  async createRoom(input: CreateRoomInput): Promise<RoomSummary> {
    const request = createRoomRequestOf(input);
    return roomSummaryOf(await this.client.call<RoomMessage>('CreateRoom', request, { retryable: false }));
  }

  async joinRoom(input: RoomMemberInput): Promise<RoomMembershipState> {
    const request = roomMemberRequestOf(input);
    const { joined } = await this.client.call<MembershipResponseMessage>('JoinRoom', request, { retryable: true });
    return { roomId: request.roomId, userId: request.userId, joined };
  }

  async leaveRoom(input: RoomMemberInput): Promise<RoomMembershipState> {
    const request = roomMemberRequestOf(input);
    const { joined } = await this.client.call<MembershipResponseMessage>('LeaveRoom', request, { retryable: true });
    return { roomId: request.roomId, userId: request.userId, joined };
  }

  async listRooms(input: ListRoomsInput): Promise<RoomSummary[]> {
    const request = listRoomsRequestOf(input);
    const response = await this.client.call<ListRoomsResponseMessage>('ListRooms', request, { retryable: true });
    return response.rooms.map(roomSummaryOf);
  }

  async getRoom(input: RoomMemberInput): Promise<RoomDetails> {
    const request = roomMemberRequestOf(input);
    return roomDetailsOf(await this.client.call<GetRoomResponseMessage>('GetRoom', request, { retryable: true }));
  }

  async editMessage(input: EditMessageInput): Promise<ChatMessage> {
    const request = editMessageRequestOf(input);
    return sentMessageOf(await this.client.call<ChangedMessageResponseMessage>('EditMessage', request, { retryable: false }));
  }

  async deleteMessage(input: DeleteMessageInput): Promise<ChatMessage> {
    const request = deleteMessageRequestOf(input);
    return sentMessageOf(await this.client.call<ChangedMessageResponseMessage>('DeleteMessage', request, { retryable: true }));
  }

  async addMember(input: RoomMemberChangeInput): Promise<RoomMember> {
    const request = memberChangeRequestOf(input);
    return roomMemberOf(await this.client.call<RoomMemberResponseMessage>('AddRoomMember', request, { retryable: false }));
  }

  async removeMember(input: RoomMemberChangeInput): Promise<RoomMemberRemoval> {
    const request = memberChangeRequestOf(input);
    const { roomId, userId, removed } = await this.client.call<RemoveRoomMemberResponseMessage>('RemoveRoomMember', request, { retryable: false });
    return { roomId, userId, removed };
  }

  async setRole(input: SetRoomRoleInput): Promise<RoomMember> {
    const request = setRoleRequestOf(input);
    return roomMemberOf(await this.client.call<RoomMemberResponseMessage>('SetRoomRole', request, { retryable: true }));
  }

  async updateRoom(input: UpdateRoomInput): Promise<RoomInfo> {
    const request = updateRoomRequestOf(input);
    return roomInfoOf(await this.client.call<RoomInfoMessage>('UpdateRoom', request, { retryable: true }));
  }

  async deleteRoom(input: RoomActionInput): Promise<RoomDeletion> {
    const request = roomActionRequestOf(input);
    const { roomId, deleted } = await this.client.call<DeleteRoomResponseMessage>('DeleteRoom', request, { retryable: false });
    return { roomId, deleted };
  }

  async listMembers(input: ListRoomMembersInput): Promise<RoomMemberPage> {
    const request = listMembersRequestOf(input);
    return memberPageOf(await this.client.call<ListRoomMembersResponseMessage>('ListRoomMembers', request, { retryable: true }));
  }

  async listPublicRooms(input: ListPublicRoomsInput): Promise<PublicRoomPage> {
    const request = listPublicRoomsRequestOf(input);
    return publicRoomsOf(await this.client.call<ListPublicRoomsResponseMessage>('ListPublicRooms', request, { retryable: true }));
  }

  /** Closes the channel. */
  async close(): Promise<void> {
    this.client.close();
  }
}

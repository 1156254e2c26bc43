/*
 * The messages of proto/chat.proto as proto-loader decodes them (PROTO_LOADER_OPTIONS:
 * field names as written, plain fields always present, `optional` fields present only
 * when sent, an unset message field null).
 */

export interface MessageMessage {
  readonly senderId: number;
  readonly message: string;
  readonly timestamp: string;
  readonly messageId: string;
  readonly roomId?: number;
  readonly recipientId?: number;
  readonly seq: number;
  readonly kind: string;
  readonly clientMessageId?: string;
  readonly editedAt?: string;
  readonly deleted: boolean;
}

export interface PrivateMessageRequestMessage {
  readonly fromUserId: number;
  readonly toUserId: number;
  readonly message: string;
  readonly clientMessageId?: string;
}

export interface PrivateHistoryRequestMessage {
  readonly fromUserId: number;
  readonly toUserId: number;
  readonly before?: string;
  readonly limit?: number;
  readonly after?: string;
}

export interface RoomMessageRequestMessage {
  readonly userId: number;
  readonly roomId: number;
  readonly message: string;
  readonly clientMessageId?: string;
}

export interface RoomHistoryRequestMessage {
  readonly roomId: number;
  readonly userId: number;
  readonly before?: string;
  readonly limit?: number;
  readonly after?: string;
}

/** PrivateMessageResponse and RoomMessageResponse. */
export interface SentMessageResponseMessage {
  readonly success: boolean;
  readonly message: MessageMessage | null;
}

/** PrivateHistoryResponse and RoomHistoryResponse. */
export interface HistoryResponseMessage {
  readonly messages: MessageMessage[];
}

export interface CreateRoomRequestMessage {
  readonly roomName: string;
  readonly userId: number;
  readonly visibility?: string;
  readonly members: number[];
}

export interface RoomMessage {
  readonly roomId: number;
  readonly name: string;
}

/** JoinRoomRequest, LeaveRoomRequest and GetRoomRequest. */
export interface RoomMemberRequestMessage {
  readonly userId: number;
  readonly roomId: number;
}

/** JoinRoomResponse and LeaveRoomResponse. */
export interface MembershipResponseMessage {
  readonly success: boolean;
  readonly joined: boolean;
}

export interface ListRoomsRequestMessage {
  readonly userId: number;
}

export interface ListRoomsResponseMessage {
  readonly rooms: RoomMessage[];
}

export interface GetRoomResponseMessage {
  readonly roomId: number;
  readonly name: string;
  readonly members: number[];
  readonly visibility: string;
  readonly memberCount: number;
  readonly role: string;
}

export interface RoomMemberChangeRequestMessage {
  readonly userId: number;
  readonly roomId: number;
  readonly memberId: number;
}

export interface RoomMemberResponseMessage {
  readonly roomId: number;
  readonly userId: number;
  readonly role: string;
  readonly joinedAt: string;
  readonly readSeq?: number;
}

export interface RemoveRoomMemberResponseMessage {
  readonly roomId: number;
  readonly userId: number;
  readonly removed: boolean;
}

export interface SetRoomRoleRequestMessage extends RoomMemberChangeRequestMessage {
  readonly role: string;
}

export interface UpdateRoomRequestMessage {
  readonly userId: number;
  readonly roomId: number;
  readonly name?: string;
  readonly visibility?: string;
}

export interface RoomInfoMessage {
  readonly roomId: number;
  readonly name: string;
  readonly visibility: string;
}

/** DeleteRoomRequest. */
export interface RoomActionRequestMessage {
  readonly userId: number;
  readonly roomId: number;
}

export interface DeleteRoomResponseMessage {
  readonly roomId: number;
  readonly deleted: boolean;
}

export interface ListRoomMembersRequestMessage extends RoomActionRequestMessage {
  readonly after?: number;
  readonly limit?: number;
}

export interface ListRoomMembersResponseMessage {
  readonly members: RoomMemberResponseMessage[];
  readonly nextAfter?: number;
}

export interface ListPublicRoomsRequestMessage {
  readonly userId: number;
  readonly query?: string;
  readonly after?: number;
  readonly limit?: number;
}

export interface PublicRoomMessage extends RoomInfoMessage {
  readonly memberCount: number;
}

export interface ListPublicRoomsResponseMessage {
  readonly rooms: PublicRoomMessage[];
  readonly nextAfter?: number;
}

export interface EditMessageRequestMessage {
  readonly userId: number;
  readonly messageId: string;
  readonly message: string;
}

export interface DeleteMessageRequestMessage {
  readonly userId: number;
  readonly messageId: string;
}

/** EditMessageResponse and DeleteMessageResponse. */
export interface ChangedMessageResponseMessage {
  readonly message: MessageMessage | null;
}

export interface FeedCursorRequestMessage {
  readonly userId: number;
}

export interface FeedCursorResponseMessage {
  readonly cursor: string;
}

export interface FeedEventsRequestMessage {
  readonly userId: number;
  readonly since: string;
  readonly limit?: number;
}

export interface FeedEventMessage {
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly payloadJson: string;
  readonly cursor: string;
}

export interface FeedEventsResponseMessage {
  readonly events: FeedEventMessage[];
  readonly cursor: string;
  readonly hasMore: boolean;
}

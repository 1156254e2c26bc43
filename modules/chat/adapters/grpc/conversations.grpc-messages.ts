import type { MessageMessage, RoomInfoMessage } from './chat.grpc-messages';

/*
 * The conversation messages of proto/chat.proto as proto-loader decodes them
 * (PROTO_LOADER_OPTIONS: int64 as numbers, `optional` fields present only when sent, an
 * unset message field null).
 */

export interface ListConversationsRequestMessage {
  readonly userId: number;
  readonly limit?: number;
  readonly before?: string;
}

export interface ConversationMessage {
  readonly kind: string;
  readonly peerId?: number;
  readonly room?: RoomInfoMessage | null;
  readonly lastMessage: MessageMessage | null;
  readonly lastSeq: number;
  readonly readSeq: number;
  readonly unreadCount: number;
  readonly updatedAt: string;
  readonly peerReadSeq?: number;
}

export interface ListConversationsResponseMessage {
  readonly conversations: ConversationMessage[];
  readonly nextCursor?: string;
}

export interface MarkReadRequestMessage {
  readonly userId: number;
  readonly peerId?: number;
  readonly roomId?: number;
  readonly seq: number;
}

export interface MarkReadResponseMessage {
  readonly kind: string;
  readonly userId: number;
  readonly peerId?: number;
  readonly roomId?: number;
  readonly readSeq: number;
  readonly lastSeq: number;
  readonly unreadCount: number;
}

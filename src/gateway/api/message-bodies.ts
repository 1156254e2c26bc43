import type { ChatMessage } from '../../../modules/chat/contracts';

/** The answer to a private send. */
export interface SentPrivateMessageBody {
  readonly messageId: string;
  readonly senderId: number;
  readonly recipientId: number;
  readonly message: string;
  readonly timestamp: string;
  readonly seq: number;
  readonly clientMessageId?: string;
}

/** The answer to a room send. */
export interface SentRoomMessageBody {
  readonly messageId: string;
  readonly roomId: number;
  readonly senderId: number;
  readonly message: string;
  readonly timestamp: string;
  readonly seq: number;
  readonly clientMessageId?: string;
}

/** One entry of a private history (the seed names the sender `senderId`). */
export interface PrivateHistoryEntry {
  readonly senderId: number;
  readonly message: string;
  readonly timestamp: string;
  readonly messageId: string;
  readonly seq: number;
}

/** One entry of a room history (the seed names the sender `userId`). */
export interface RoomHistoryEntry {
  readonly userId: number;
  readonly message: string;
  readonly timestamp: string;
  readonly messageId: string;
  readonly seq: number;
}

const withClientMessageId = <T extends object>(body: T, message: ChatMessage): T & { clientMessageId?: string } =>
  typeof message.clientMessageId === 'string' ? { ...body, clientMessageId: message.clientMessageId } : body;

export const sentPrivateMessageBody = (message: ChatMessage, recipientId: number): SentPrivateMessageBody =>
  withClientMessageId(
    {
      messageId: message.messageId,
      senderId: message.senderId,
      recipientId: message.recipientId ?? recipientId,
      message: message.message,
      timestamp: message.timestamp,
      seq: message.seq,
    },
    message,
  );

export const sentRoomMessageBody = (message: ChatMessage, roomId: number): SentRoomMessageBody =>
  withClientMessageId(
    {
      messageId: message.messageId,
      roomId: message.roomId ?? roomId,
      senderId: message.senderId,
      message: message.message,
      timestamp: message.timestamp,
      seq: message.seq,
    },
    message,
  );

export const privateHistoryEntry = (message: ChatMessage): PrivateHistoryEntry => ({
  senderId: message.senderId,
  message: message.message,
  timestamp: message.timestamp,
  messageId: message.messageId,
  seq: message.seq,
});

export const roomHistoryEntry = (message: ChatMessage): RoomHistoryEntry => ({
  userId: message.senderId,
  message: message.message,
  timestamp: message.timestamp,
  messageId: message.messageId,
  seq: message.seq,
});

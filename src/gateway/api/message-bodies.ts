import type { ChatMessage } from '@chatterroom/chat/contracts';

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
  readonly editedAt?: string;
}

/** One entry of a room history (the seed names the sender `userId`). */
export interface RoomHistoryEntry {
  readonly userId: number;
  readonly message: string;
  readonly timestamp: string;
  readonly messageId: string;
  readonly seq: number;
  readonly editedAt?: string;
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

/** A private history entry: the message (with `editedAt` once edited), or the tombstone of a deleted one. */
export const privateHistoryEntry = (message: ChatMessage): PrivateHistoryEntry | TombstoneBody =>
  message.deleted === true
    ? tombstoneBody(message)
    : withEditedAt(
        { senderId: message.senderId, message: message.message, timestamp: message.timestamp, messageId: message.messageId, seq: message.seq },
        message,
      );

/** A room history entry: the message (with `editedAt` once edited), or the tombstone of a deleted one. */
export const roomHistoryEntry = (message: ChatMessage): RoomHistoryEntry | TombstoneBody =>
  message.deleted === true
    ? tombstoneBody(message)
    : withEditedAt(
        { userId: message.senderId, message: message.message, timestamp: message.timestamp, messageId: message.messageId, seq: message.seq },
        message,
      );

/** What stays of a deleted message in a history or a delete's answer. */
export interface TombstoneBody {
  readonly messageId: string;
  readonly seq: number;
  readonly deleted: true;
}

/** A message as pushed to its audience and as an edit answers it (the sender's clientMessageId stays with the sender). */
export type MessageBody = Pick<ChatMessage, 'messageId' | 'kind' | 'senderId' | 'recipientId' | 'roomId' | 'message' | 'timestamp' | 'seq'>;

/** A message after an edit, as PATCH answers it. */
export type EditedMessageBody = MessageBody & { readonly editedAt?: string };

export const tombstoneBody = (message: ChatMessage): TombstoneBody => ({ messageId: message.messageId, seq: message.seq, deleted: true });

const withEditedAt = <T extends object>(body: T, message: ChatMessage): T & { editedAt?: string } =>
  typeof message.editedAt === 'string' ? { ...body, editedAt: message.editedAt } : body;

export const messageBody = (message: ChatMessage): MessageBody => ({
  messageId: message.messageId,
  kind: message.kind,
  senderId: message.senderId,
  ...(message.recipientId === undefined ? {} : { recipientId: message.recipientId }),
  ...(message.roomId === undefined ? {} : { roomId: message.roomId }),
  message: message.message,
  timestamp: message.timestamp,
  seq: message.seq,
});

export const editedMessageBody = (message: ChatMessage): EditedMessageBody => withEditedAt(messageBody(message), message);

/** A conversation's newest message as listed: with `editedAt` once edited, or its tombstone (`deleted: true`, text '') once deleted. */
export type LastMessageBody = EditedMessageBody & { readonly deleted?: true };

export const lastMessageBody = (message: ChatMessage): LastMessageBody =>
  message.deleted === true ? { ...messageBody(message), message: '', deleted: true } : editedMessageBody(message);

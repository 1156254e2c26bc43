import { DomainError } from '@chatterroom/kernel';

/** Stable error codes of the chat module. */
export const ChatErrors = {
  /** The send reached the chat service but no answer came in time: stored or not, a retry with `clientMessageId` settles it. */
  sendOutcomeUnknown: (clientMessageId: string) =>
    new DomainError(
      'CHAT_SEND_OUTCOME_UNKNOWN',
      'timeout',
      'The chat service did not answer in time: the message may or may not be stored. Send it again with this clientMessageId: a stored message is returned, never stored twice',
      { clientMessageId },
    ),
  recipientNotFound: (userId: number) =>
    new DomainError('CHAT_RECIPIENT_NOT_FOUND', 'not-found', `User ${userId} does not exist`),
  roomNotFound: (roomId: number) => new DomainError('CHAT_ROOM_NOT_FOUND', 'not-found', `Room ${roomId} does not exist`),
  notARoomMember: (roomId: number) =>
    new DomainError('CHAT_NOT_A_ROOM_MEMBER', 'forbidden', `You are not a member of room ${roomId}`),
  invalidCursor: (before: string) =>
    new DomainError('CHAT_INVALID_CURSOR', 'invalid', `No message ${before} in this conversation`),
  cursorNotValid: () =>
    new DomainError('SYNC_CURSOR_INVALID', 'invalid', 'since is not a cursor: use one from ready, a pushed event or /sync'),
  cursorExpired: () =>
    new DomainError('SYNC_CURSOR_EXPIRED', 'gone', 'The cursor is older than the kept events: reload your conversations and start again from the current cursor'),
  invalidConversationCursor: () =>
    new DomainError('CHAT_INVALID_CURSOR', 'invalid', 'before is not a cursor of this conversation list'),
  userNotFound: (userId: number) => new DomainError('CHAT_USER_NOT_FOUND', 'not-found', `User ${userId} does not exist`),
  forbiddenRole: (message: string) => new DomainError('CHAT_FORBIDDEN_ROLE', 'forbidden', message),
  alreadyMember: (roomId: number, userId: number) =>
    new DomainError('CHAT_ALREADY_MEMBER', 'conflict', `User ${userId} is already a member of room ${roomId}`),
  ownershipMoved: (roomId: number) =>
    new DomainError('CHAT_OWNERSHIP_MOVED', 'conflict', `Ownership of room ${roomId} passed to another member meanwhile; read the members and try again`),
  notMember: (roomId: number, userId: number) =>
    new DomainError('CHAT_NOT_MEMBER', 'not-found', `User ${userId} is not a member of room ${roomId}`),
  messageNotFound: (messageId: string) =>
    new DomainError('CHAT_MESSAGE_NOT_FOUND', 'not-found', `No message ${messageId.slice(0, 64)} that you can see`),
  notMessageAuthor: (messageId: string) =>
    new DomainError('CHAT_NOT_MESSAGE_AUTHOR', 'forbidden', `Only the author of message ${messageId.slice(0, 64)} may edit it`),
  mayNotDeleteMessage: (messageId: string) =>
    new DomainError(
      'CHAT_NOT_MESSAGE_AUTHOR',
      'forbidden',
      `Only the author of message ${messageId.slice(0, 64)} (or, in a room, its owner and admins) may delete it`,
    ),
} as const;

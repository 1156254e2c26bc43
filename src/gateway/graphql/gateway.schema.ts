import { ROOM_ADMINISTRATION_SCHEMA } from './room-administration.schema';

/**
 * The GraphQL schema of the gateway: the same operations as the HTTP API, over the same
 * module ports. Ids of users and rooms are Int (positive int32), messageIds are ID,
 * timestamps ISO-8601 strings.
 */
export const GATEWAY_SCHEMA = /* GraphQL */ `
  "A user. email is shown only to the user themself."
  type User {
    userId: Int!
    username: String!
    email: String
  }

  "private: between two users; room: in a room."
  enum MessageKind {
    private
    room
  }

  type Message {
    messageId: ID!
    kind: MessageKind!
    senderId: Int!
    "The author, resolved in one batch for the whole request."
    sender: User
    "Set on private messages."
    recipientId: Int
    "Set on room messages."
    roomId: Int
    message: String!
    timestamp: String!
    "1, 2, 3... within its conversation."
    seq: Int!
    "The sender's idempotency key, shown to the sender only."
    clientMessageId: String
    "When its author last edited it; null if never."
    editedAt: String
    "True on a deleted message's tombstone (its message is then empty)."
    deleted: Boolean!
  }

  type Room {
    roomId: Int!
    name: String!
    "Members, by userId ascending."
    members: [User!]!
    "The newest limit (1-200, default 50) messages older than before, oldest first."
    messages(before: ID, limit: Int): [Message!]!
  }

  type RoomMembership {
    roomId: Int!
    userId: Int!
    joined: Boolean!
  }

  type AccessToken {
    token: String!
    "Opaque and single use: redeem it with refreshSession for the next pair."
    refreshToken: String!
    "Seconds until token expires."
    expiresIn: Int!
    sessionId: String!
  }

  "A sign-in session of yours."
  type Session {
    sessionId: String!
    createdAt: String!
    lastUsedAt: String!
    userAgent: String
    ip: String
    "The session of the token this request carries."
    current: Boolean!
  }

  "A subscription socket's new expiry."
  type SocketRenewal {
    expiresAt: String!
  }

  type SessionRevocation {
    sessionId: String!
    revoked: Boolean!
  }

  type Query {
    me: User!
    user(id: Int!): User!
    "The rooms you belong to, by roomId ascending."
    rooms: [Room!]!
    "A room you belong to."
    room(id: Int!): Room!
    "Your conversation with a user: the newest limit (1-200, default 50) messages older than before, oldest first."
    privateHistory(userId: Int!, before: ID, limit: Int): [Message!]!
    "Your live sessions, newest first."
    sessions: [Session!]!
    "People whose username starts with q, ignoring case (1-50, default 20; no emails)."
    searchUsers(q: String!, limit: Int): [User!]!
    "Your conversations, private chats and rooms, most recent activity first (limit 1-100, default 20; before: a nextCursor)."
    conversations(limit: Int, before: String): ConversationPage!
  }

  type Mutation {
    createUser(username: String!, email: String!, password: String!): User!
    authenticate(username: String!, password: String!): AccessToken!
    sendPrivateMessage(recipientId: Int!, message: String!, clientMessageId: String): Message!
    sendRoomMessage(roomId: Int!, message: String!, clientMessageId: String): Message!
    "Visibility defaults to public; members (at most 100 userIds) are added at once, all or none."
    createRoom(name: String!, visibility: RoomVisibility, members: [Int!]): Room!
    joinRoom(roomId: Int!): RoomMembership!
    leaveRoom(roomId: Int!): RoomMembership!
    "Redeems a refresh token (single use) for a new access token and refresh token; needs no access token."
    refreshSession(refreshToken: String!): AccessToken!
    "Ends the session of this request's token, everywhere at once."
    logout: Boolean!
    "Ends one of your sessions."
    revokeSession(sessionId: String!): SessionRevocation!
    "Replaces the text of your message (sets editedAt)."
    editMessage(messageId: ID!, message: String!): Message!
    "Deletes your message (or, in a room you own or administer, anyone's): answers its tombstone."
    deleteMessage(messageId: ID!): Message!
    "Sent over a subscription socket (graphql-ws: client.subscribe with this mutation): a fresh access token of the same user, so the socket outlives its first one."
    renewSocketToken(token: String!): SocketRenewal!
    "Moves your read marker in a private chat (peerId) or a room (roomId) forward, never back."
    markRead(peerId: Int, roomId: Int, seq: Int!): ReadMarker!
  }

  "A room as the conversation list shows it."
  type ConversationRoom {
    roomId: Int!
    name: String!
    "public or private"
    visibility: String!
  }

  "One of your conversations: a private chat (peer) or a room."
  type Conversation {
    kind: MessageKind!
    "Private conversations: the other person."
    peer: User
    room: ConversationRoom
    "The newest message, as it is now: its edited text once edited, its tombstone (deleted true) once deleted; null for a room nobody wrote in yet."
    lastMessage: Message
    lastSeq: Int!
    "The seq of the last message you have read here."
    readSeq: Int!
    "The messages above readSeq, deleted ones left out"
    unreadCount: Int!
    updatedAt: String!
    "Private conversations: the seq of the last message the peer has read here (seen); null when the peer has read nothing, and for rooms."
    peerReadSeq: Int
  }

  type ConversationPage {
    "Most recent activity first."
    conversations: [Conversation!]!
    "Pass as before for the next page; null on the last."
    nextCursor: String
  }

  "Your read marker in one conversation after markRead."
  type ReadMarker {
    kind: MessageKind!
    "The reader."
    userId: Int!
    peerId: Int
    roomId: Int
    readSeq: Int!
    lastSeq: Int!
    unreadCount: Int!
  }

  "A read marker moved: yours (on any device), or your private peer's (seen)."
  type ReadReceipt {
    kind: MessageKind!
    "The reader."
    userId: Int!
    peerId: Int
    roomId: Int
    "The seq of the last message read."
    seq: Int!
  }

  type Subscription {
    """
    Every message you may see, private or in your rooms, as it is sent. With since (a cursor of /ws/chat's ready or
    pushed frames, or of /sync), the ones after it first, in order, each once, then live; an expired cursor is the
    error SYNC_CURSOR_EXPIRED (reload, then subscribe from a fresh cursor), a malformed one SYNC_CURSOR_INVALID.
    """
    messageAdded(since: String): Message!
    "The messages of one room you belong to, as they are sent (since: as for messageAdded)."
    roomMessageAdded(roomId: Int!, since: String): Message!
    "Every message you may see, as its author edits it (since: as for messageAdded)."
    messageEdited(since: String): Message!
    "Every message you may see, as it is deleted: its tombstone (since: as for messageAdded)."
    messageDeleted(since: String): Message!
    "Read receipts: your markers moving on any device, and your private peers' (seen) (since: as for messageAdded)."
    readMarkerMoved(since: String): ReadReceipt!
  }
${ROOM_ADMINISTRATION_SCHEMA}`;

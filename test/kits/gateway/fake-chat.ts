import {
  ChatErrors,
  MESSAGE_DELETED_V1,
  MESSAGE_EDITED_V1,
  MESSAGE_POSTED_V1,
  ROOM_MEMBER_JOINED_V1,
  ROOM_MEMBER_LEFT_V1,
  type ChatMessage,
  type ChatFeed,
  type CreateRoomInput,
  type FeedCursorInput,
  type FeedEvent,
  type FeedPage,
  type FeedSinceInput,
  type DeleteMessageInput,
  type EditMessageInput,
  type MessageEditing,
  type ListRoomsInput,
  type Messaging,
  type PrivateHistoryInput,
  type RoomDetails,
  type RoomHistoryInput,
  type RoomMemberInput,
  type RoomMembershipState,
  type RoomRegistry,
  type RoomSummary,
  type SendPrivateMessageInput,
  type SendRoomMessageInput,
} from '@chatterroom/chat/contracts';
import { createEvent, validationFailed, type EventBus } from '@chatterroom/kernel';

interface FakeRoom {
  readonly name: string;
  readonly members: Set<number>;
  readonly createdBy: number;
  readonly visibility: 'public' | 'private';
}

const ascending = (ids: Iterable<number>): number[] => [...new Set(ids)].sort((a, b) => a - b);

/**
 * A hand-written stand-in for the chat module's inbound ports, announcing its events on
 * `eventBus` and keeping them for its feed (cursors `f<count>`, opaque to the gateway).
 */
export class FakeChat implements Messaging, RoomRegistry, ChatFeed, MessageEditing {
  private readonly feed: FeedEvent[] = [];
  private readonly rooms = new Map<number, FakeRoom>();
  private readonly messages: ChatMessage[] = [];
  private nextRoomId = 1;

  constructor(private readonly deps: { eventBus: EventBus; userExists: (userId: number) => boolean }) {}

  async sendPrivateMessage(input: SendPrivateMessageInput): Promise<ChatMessage> {
    this.checkText(input.message);
    if (!this.deps.userExists(input.toUserId)) throw ChatErrors.recipientNotFound(input.toUserId);
    const pair = (m: ChatMessage) =>
      m.kind === 'private' &&
      ascending([m.senderId, m.recipientId ?? 0]).join() === ascending([input.fromUserId, input.toUserId]).join();
    const message = this.store(
      { kind: 'private', senderId: input.fromUserId, recipientId: input.toUserId, message: input.message },
      pair,
      input.clientMessageId,
    );
    await this.announce(MESSAGE_POSTED_V1, { message, audience: ascending([input.fromUserId, input.toUserId]) });
    return message;
  }

  async getPrivateHistory(input: PrivateHistoryInput): Promise<ChatMessage[]> {
    const ids = ascending([input.fromUserId, input.toUserId]).join();
    return this.page(
      this.messages.filter((m) => m.kind === 'private' && ascending([m.senderId, m.recipientId ?? 0]).join() === ids),
      input.limit,
    );
  }

  async sendRoomMessage(input: SendRoomMessageInput): Promise<ChatMessage> {
    this.checkText(input.message);
    const room = this.memberRoom(input.roomId, input.userId);
    const message = this.store(
      { kind: 'room', senderId: input.userId, roomId: input.roomId, message: input.message },
      (m) => m.roomId === input.roomId,
      input.clientMessageId,
    );
    await this.announce(MESSAGE_POSTED_V1, { message, audience: ascending(room.members) });
    return message;
  }

  async getRoomHistory(input: RoomHistoryInput): Promise<ChatMessage[]> {
    this.memberRoom(input.roomId, input.userId);
    return this.page(this.messages.filter((m) => m.roomId === input.roomId), input.limit);
  }

  async createRoom(input: CreateRoomInput): Promise<RoomSummary> {
    if (input.roomName.trim() === '') throw validationFailed('name must be 1-64 characters');
    const roomId = this.nextRoomId++;
    const visibility = input.visibility ?? 'public';
    this.rooms.set(roomId, { name: input.roomName.trim(), members: new Set([input.userId, ...(input.members ?? [])]), createdBy: input.userId, visibility });
    return { roomId, name: input.roomName.trim() };
  }

  async joinRoom(input: RoomMemberInput): Promise<RoomMembershipState> {
    const room = this.room(input.roomId);
    if (!room.members.has(input.userId)) {
      room.members.add(input.userId);
      await this.announce(ROOM_MEMBER_JOINED_V1, { ...input, audience: ascending(room.members) });
    }
    return { roomId: input.roomId, userId: input.userId, joined: true };
  }

  async leaveRoom(input: RoomMemberInput): Promise<RoomMembershipState> {
    const room = this.room(input.roomId);
    if (room.members.delete(input.userId)) {
      await this.announce(ROOM_MEMBER_LEFT_V1, { ...input, audience: ascending([...room.members, input.userId]) });
    }
    return { roomId: input.roomId, userId: input.userId, joined: false };
  }

  async listRooms(input: ListRoomsInput): Promise<RoomSummary[]> {
    return [...this.rooms.entries()]
      .filter(([, room]) => room.members.has(input.userId))
      .map(([roomId, room]) => ({ roomId, name: room.name }));
  }

  async getRoom(input: RoomMemberInput): Promise<RoomDetails> {
    const room = this.memberRoom(input.roomId, input.userId);
    const role = room.createdBy === input.userId ? 'owner' : 'member';
    return { roomId: input.roomId, name: room.name, members: ascending(room.members), visibility: room.visibility, memberCount: room.members.size, role };
  }

  /** Author-only edit, announced to the pair or the room's members. */
  async editMessage(input: EditMessageInput): Promise<ChatMessage> {
    this.checkText(input.message);
    const index = this.authoredIndex(input.userId, input.messageId);
    const edited = { ...this.messages[index]!, message: input.message, editedAt: new Date().toISOString() };
    this.messages[index] = edited;
    await this.announce(MESSAGE_EDITED_V1, { message: edited, audience: this.audienceOf(edited) });
    return edited;
  }

  /** Author-only delete, leaving a tombstone. */
  async deleteMessage(input: DeleteMessageInput): Promise<ChatMessage> {
    const index = this.authoredIndex(input.userId, input.messageId);
    const { editedAt: _editedAt, ...kept } = this.messages[index]!;
    const tombstone = { ...kept, message: '', deleted: true };
    this.messages[index] = tombstone;
    await this.announce(MESSAGE_DELETED_V1, { message: tombstone, audience: this.audienceOf(tombstone) });
    return tombstone;
  }

  private authoredIndex(userId: number, messageId: string): number {
    const index = this.messages.findIndex((m) => m.messageId === messageId && m.deleted !== true);
    if (index < 0) throw ChatErrors.messageNotFound(messageId);
    if (this.messages[index]!.senderId !== userId) throw ChatErrors.notMessageAuthor(messageId);
    return index;
  }

  private audienceOf(message: ChatMessage): number[] {
    return message.roomId === undefined ? ascending([message.senderId, message.recipientId ?? 0]) : ascending(this.room(message.roomId).members);
  }

  private store(fields: Omit<ChatMessage, 'messageId' | 'timestamp' | 'seq'>, sameConversation: (m: ChatMessage) => boolean, clientMessageId?: string): ChatMessage {
    const earlier = this.messages.find((m) => clientMessageId !== undefined && m.senderId === fields.senderId && m.clientMessageId === clientMessageId);
    if (earlier !== undefined) return earlier;
    const seq = this.messages.filter(sameConversation).length + 1;
    const message: ChatMessage = {
      ...fields,
      messageId: `m${this.messages.length + 1}`,
      timestamp: new Date().toISOString(),
      seq,
      ...(clientMessageId === undefined ? {} : { clientMessageId }),
    };
    this.messages.push(message);
    return message;
  }

  private page(messages: ChatMessage[], limit = 50): ChatMessage[] {
    return messages.slice(-limit);
  }

  private checkText(text: string): void {
    if (text.trim() === '') throw validationFailed('message must be 1-4000 characters, not only whitespace');
  }

  private room(roomId: number): FakeRoom {
    const room = this.rooms.get(roomId);
    if (room === undefined) throw ChatErrors.roomNotFound(roomId);
    return room;
  }

  private memberRoom(roomId: number, userId: number): FakeRoom {
    const room = this.room(roomId);
    if (!room.members.has(userId)) throw ChatErrors.notARoomMember(roomId);
    return room;
  }

  async currentCursor(_input: FeedCursorInput): Promise<string> {
    return `f${this.feed.length}`;
  }

  async eventsSince(input: FeedSinceInput): Promise<FeedPage> {
    const match = /^f(\d+)$/.exec(input.since);
    if (match === null) throw ChatErrors.cursorNotValid();
    const limit = input.limit ?? 100;
    const mine = this.feed.slice(Number(match[1])).filter((event) => (event.payload as { audience: number[] }).audience.includes(input.userId));
    const events = mine.slice(0, limit);
    return { events, cursor: events.at(-1)?.cursor ?? input.since, hasMore: mine.length > limit };
  }

  /** Records an event in the feed without publishing it: as if the bus lost it. */
  recordUnpublished(type: string, payload: unknown): FeedEvent {
    const event = { ...createEvent(type, payload), cursor: `f${this.feed.length + 1}` };
    this.feed.push(event);
    return event;
  }

  private async announce(type: string, payload: unknown): Promise<void> {
    await this.deps.eventBus.publish(this.recordUnpublished(type, payload));
  }
}

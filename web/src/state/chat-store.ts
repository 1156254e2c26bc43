import { ApiError, describeError } from '../api/api-error';
import type { AuthSession } from '../api/auth-session';
import { ChatSocket, type ConnectionState } from '../api/chat-socket';
import type { PushedMessage, RoomVisibility, ServerFrame } from '../api/ws-frames';
import { catchUp } from './catch-up';
import { conversationKey, newConversation, type Conversation, type ConversationKey } from './conversations';
import { fromPush, fromSent, privateHistoryPage, roomHistoryPage } from './history-api';
import { mergeMessages, type ChatMessage } from './messages';
import { applyMessageChange, conversationOf, type MessageChange } from './message-changes';
import { KnownPeers } from './known-peers';

export interface ChatState {
  readonly conversations: ReadonlyMap<ConversationKey, Conversation>;
  readonly openKey: ConversationKey | undefined;
  readonly connection: ConnectionState;
  /** Usernames by userId, as far as they were looked up. */
  readonly usernames: ReadonlyMap<number, string>;
  /** The last thing that went wrong, for an alert. */
  readonly problem: string | undefined;
}

const PAGE = 50;
/** How often the token's expiry is checked while signed in (AuthSession refreshes within a minute of it). */
const KEEP_FRESH_EVERY_MS = 20_000;

/**
 * The signed-in person's chats: the conversations (rooms from GET /rooms, private chats kept
 * by this browser until GET /conversations exists), their messages, and the live socket that
 * feeds them. Views read `state` and re-render on `subscribe`; every action reports failures in
 * `state.problem` rather than throwing.
 */
export class ChatStore {
  private current: ChatState = {
    conversations: new Map(),
    openKey: undefined,
    connection: { status: 'connecting' },
    usernames: new Map(),
    problem: undefined,
  };
  private readonly listeners = new Set<() => void>();
  private readonly socket: ChatSocket;
  private readonly peers: KnownPeers;
  private readonly lookups = new Map<number, Promise<string>>();
  private keepFresh: ReturnType<typeof setInterval> | undefined;
  private readonly frameListeners = new Set<(frame: ServerFrame) => void>();

  constructor(
    private readonly auth: AuthSession,
    readonly me: { readonly userId: number; readonly username: string },
  ) {
    this.peers = new KnownPeers(localStorage, me.userId);
    this.socket = new ChatSocket(auth, {
      onFrame: (frame) => this.onFrame(frame),
      onReady: (reconnected) => void this.onReady(reconnected),
      onState: (connection) => this.update({ connection }),
    });
    this.current = { ...this.current, usernames: new Map([[me.userId, me.username]]) };
  }

  /** The signed-in session, for the API calls of screens outside the store (rooms, message edits). */
  get session(): AuthSession {
    return this.auth;
  }

  get state(): ChatState {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    for (const peer of this.peers.all()) this.put(newConversation('private', peer.userId, peer.username));
    void this.attempt(() => this.refreshRooms());
    this.socket.start();
    // Refresh the access token before it expires even when idle, so the open socket gets the fresh one
    // (renewToken) instead of being closed with 4401 at the old one's expiry.
    this.keepFresh = setInterval(() => void this.auth.accessToken().catch(() => undefined), KEEP_FRESH_EVERY_MS);
  }

  stop(): void {
    clearInterval(this.keepFresh);
    this.socket.stop();
  }

  /** Hands a fresh access token to the live socket (see ChatSocket.renewToken). */
  renewToken(token: string): void {
    this.socket.renewToken(token);
  }

  /** Calls `listener` with every pushed frame, before the store applies it (the conversation it names is still there). */
  listenToFrames(listener: (frame: ServerFrame) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  /** Shows what went wrong in `state.problem` (for actions run outside the store). */
  reportProblem(error: unknown): void {
    this.update({ problem: describeError(error) });
  }

  /** Applies an edit or deletion to the message in conversation `key` (no change when it is not loaded). */
  changeMessage(key: ConversationKey, change: MessageChange): void {
    const conversation = this.current.conversations.get(key);
    if (conversation === undefined) return;
    const messages = applyMessageChange(conversation.messages, change);
    if (messages !== conversation.messages) this.put({ ...conversation, messages });
  }

  dismissProblem(): void {
    this.update({ problem: undefined });
  }

  async open(key: ConversationKey | undefined): Promise<void> {
    this.update({ openKey: key });
    if (key === undefined) return;
    const conversation = this.current.conversations.get(key);
    if (conversation === undefined) return;
    if (conversation.unread > 0) this.put({ ...conversation, unread: 0 });
    if (conversation.kind === 'room') void this.attempt(() => this.readRoomDetails(conversation.id));
    if (!conversation.loaded) await this.attempt(() => this.readNewest(key));
  }

  /** Reads the page before the oldest message shown (the upward infinite scroll). */
  async loadOlder(key: ConversationKey): Promise<void> {
    const conversation = this.current.conversations.get(key);
    if (conversation === undefined || conversation.reachedStart || !conversation.loaded) return;
    await this.attempt(async () => {
      const before = conversation.messages[0]?.messageId;
      const page = await this.readPage(conversation)(before, PAGE);
      const latest = this.current.conversations.get(key) ?? conversation;
      this.put({ ...latest, messages: mergeMessages(latest.messages, page), reachedStart: page.length < PAGE });
    });
  }

  async send(key: ConversationKey, text: string): Promise<boolean> {
    const conversation = this.current.conversations.get(key);
    if (conversation === undefined) return false;
    return this.attempt(async () => {
      const body = { message: text, clientMessageId: crypto.randomUUID() };
      const sent =
        conversation.kind === 'private'
          ? await this.auth.call('post', '/chats/private/{recipientId}', { path: { recipientId: String(conversation.id) }, body })
          : await this.auth.call('post', '/chats/room/{roomId}', { path: { roomId: String(conversation.id) }, body });
      this.addMessages(key, [fromSent(sent)]);
    });
  }

  /**
   * People whose username starts with `text` (GET /users?q=, ignoring case), yourself left out;
   * a user ID ("7" or "#7") finds that person. Undefined when the search failed (see `problem`).
   */
  async searchPeople(text: string): Promise<ReadonlyArray<{ readonly userId: number; readonly username: string }> | undefined> {
    let found: ReadonlyArray<{ readonly userId: number; readonly username: string }> = [];
    const ok = await this.attempt(async () => {
      const wanted = text.trim();
      if (/^#?\d+$/.test(wanted)) {
        const user = await this.auth.call('get', '/users/{userId}', { path: { userId: String(this.userIdIn(wanted)) } });
        found = [{ userId: user.userId, username: user.username }];
      } else {
        found = await this.auth.call('get', '/users', { query: { q: wanted, limit: '10' } });
      }
    });
    return ok ? found.filter((user) => user.userId !== this.me.userId) : undefined;
  }

  /** Opens (or starts) the private chat with a person found by {@link searchPeople}. */
  async openPrivateChat(user: { readonly userId: number; readonly username: string }): Promise<void> {
    await this.open(this.ensurePrivate(user.userId, user.username));
  }

  async createRoom(name: string, visibility: RoomVisibility): Promise<boolean> {
    return this.attempt(async () => {
      const room = await this.auth.call('post', '/rooms/create', { body: { name, visibility } });
      const key = this.ensureRoom(room.roomId, room.name);
      await this.open(key);
    });
  }

  async joinRoom(roomId: number): Promise<boolean> {
    return this.attempt(async () => {
      await this.auth.call('post', '/rooms/{roomId}/join', { path: { roomId: String(roomId) } });
      const room = await this.auth.call('get', '/rooms/{roomId}', { path: { roomId: String(roomId) } });
      const key = this.ensureRoom(room.roomId, room.name);
      await this.open(key);
    });
  }

  async leaveRoom(roomId: number): Promise<boolean> {
    return this.attempt(async () => {
      await this.auth.call('post', '/rooms/{roomId}/leave', { path: { roomId: String(roomId) } });
      this.remove(conversationKey('room', roomId));
    });
  }

  /** A user id typed by a person ("7" or "#7"); refuses anything else with a readable message. */
  private userIdIn(who: string): number {
    const wanted = who.trim().replace(/^#/, '');
    if (!/^\d+$/.test(wanted)) throw new ApiError(400, 'NOT_AN_ID', `Enter the person's user ID (a number, shown beside their name): "${who}" is not one`);
    return Number(wanted);
  }

  private async readRoomDetails(roomId: number): Promise<void> {
    const room = await this.auth.call('get', '/rooms/{roomId}', { path: { roomId: String(roomId) } });
    const conversation = this.current.conversations.get(conversationKey('room', roomId));
    if (conversation === undefined) return;
    this.put({ ...conversation, title: room.name, room: { visibility: room.visibility, role: room.role, memberCount: room.memberCount } });
  }

  /** The username of `userId`, looked up once (GET /users/{userId}) and remembered. */
  usernameOf(userId: number): string | undefined {
    const known = this.current.usernames.get(userId);
    if (known === undefined && !this.lookups.has(userId)) {
      const lookup = this.auth.call('get', '/users/{userId}', { path: { userId: String(userId) } }).then((user) => user.username);
      this.lookups.set(userId, lookup);
      lookup.then(
        (username) => this.update({ usernames: new Map(this.current.usernames).set(userId, username) }),
        () => this.lookups.delete(userId),
      );
    }
    return known;
  }

  private async onReady(reconnected: boolean): Promise<void> {
    if (!reconnected) return;
    await this.attempt(async () => {
      await this.refreshRooms(true);
      const loaded = [...this.current.conversations.values()].filter((conversation) => conversation.loaded);
      for (const conversation of loaded) await this.catchUpOn(conversation.key);
    });
  }

  private onFrame(frame: ServerFrame): void {
    for (const listener of this.frameListeners) listener(frame);
    switch (frame.type) {
      case 'message':
        void this.onPushed(frame.message);
        return;
      case 'room.joined':
      case 'room.member-added':
        if (frame.userId === this.me.userId) void this.attempt(() => this.refreshRooms());
        else if (this.current.conversations.has(conversationKey('room', frame.roomId))) void this.attempt(() => this.readRoomDetails(frame.roomId));
        return;
      case 'room.left':
      case 'room.member-removed':
        if (frame.userId === this.me.userId) this.remove(conversationKey('room', frame.roomId));
        else if (this.current.conversations.has(conversationKey('room', frame.roomId))) void this.attempt(() => this.readRoomDetails(frame.roomId));
        return;
      case 'room.role-changed':
      case 'room.updated':
        void this.attempt(() => this.readRoomDetails(frame.roomId));
        return;
      case 'room.deleted':
        this.remove(conversationKey('room', frame.roomId));
        return;
      case 'message.edited':
      case 'message.deleted': {
        const key = conversationOf(frame.message, this.me.userId);
        if (key === undefined) return;
        const { message } = frame;
        this.changeMessage(
          key,
          'deleted' in message ? { kind: 'deleted', messageId: message.messageId, seq: message.seq } : { kind: 'edited', messageId: message.messageId, text: message.message, editedAt: message.editedAt },
        );
        return;
      }
      default:
        return;
    }
  }

  private async onPushed(message: PushedMessage): Promise<void> {
    let key: ConversationKey;
    if (message.kind === 'private') {
      const peer = message.senderId === this.me.userId ? message.recipientId : message.senderId;
      if (peer === undefined) return;
      key = conversationKey('private', peer);
      if (!this.current.conversations.has(key)) {
        const username = this.usernameOf(peer) ?? (await this.lookups.get(peer)?.catch(() => undefined)) ?? `#${peer}`;
        this.ensurePrivate(peer, username);
      }
    } else {
      if (message.roomId === undefined) return;
      key = conversationKey('room', message.roomId);
      if (!this.current.conversations.has(key)) await this.refreshRooms();
    }
    const conversation = this.current.conversations.get(key);
    if (conversation === undefined) return;
    const before = conversation.messages;
    const messages = mergeMessages(before, [fromPush(message)]);
    if (messages === before) return;
    const unseen = key !== this.current.openKey && message.senderId !== this.me.userId;
    this.put({ ...conversation, messages, unread: conversation.unread + (unseen ? 1 : 0) });
  }

  private async catchUpOn(key: ConversationKey): Promise<void> {
    const conversation = this.current.conversations.get(key);
    if (conversation === undefined) return;
    const result = await catchUp(conversation.messages, this.readPage(conversation));
    const latest = this.current.conversations.get(key) ?? conversation;
    const messages = mergeMessages(result.messages, latest.messages.filter((message) => message.seq > (result.messages.at(-1)?.seq ?? 0)));
    this.put({ ...latest, messages, loaded: true, reachedStart: result.reachedStart || latest.reachedStart });
  }

  private async readNewest(key: ConversationKey): Promise<void> {
    const conversation = this.current.conversations.get(key);
    if (conversation === undefined) return;
    const page = await this.readPage(conversation)(undefined, PAGE);
    const latest = this.current.conversations.get(key) ?? conversation;
    this.put({ ...latest, messages: mergeMessages(latest.messages, page), loaded: true, reachedStart: page.length < PAGE });
  }

  private readPage(conversation: Conversation) {
    return conversation.kind === 'private' ? privateHistoryPage(this.auth, conversation.id) : roomHistoryPage(this.auth, conversation.id);
  }

  /**
   * Lists the rooms joined (GET /rooms). Only `dropMissing` (after a reconnection, when leave and
   * removal pushes may have been missed) removes rooms the answer lacks: otherwise a list read
   * just before a join or create is visible would drop a room the person just opened.
   */
  private async refreshRooms(dropMissing = false): Promise<void> {
    const rooms = await this.auth.call('get', '/rooms');
    if (dropMissing) {
      const joined = new Set(rooms.map((room) => conversationKey('room', room.roomId)));
      for (const conversation of this.current.conversations.values()) {
        if (conversation.kind === 'room' && !joined.has(conversation.key)) this.remove(conversation.key);
      }
    }
    for (const room of rooms) this.ensureRoom(room.roomId, room.name);
  }

  private ensurePrivate(userId: number, username: string): ConversationKey {
    const key = conversationKey('private', userId);
    this.peers.remember({ userId, username });
    if (!this.current.usernames.has(userId)) this.update({ usernames: new Map(this.current.usernames).set(userId, username) });
    const existing = this.current.conversations.get(key);
    if (existing === undefined) this.put(newConversation('private', userId, username));
    else if (existing.title !== username) this.put({ ...existing, title: username });
    return key;
  }

  private ensureRoom(roomId: number, name: string): ConversationKey {
    const key = conversationKey('room', roomId);
    const existing = this.current.conversations.get(key);
    if (existing === undefined) this.put(newConversation('room', roomId, name));
    else if (existing.title !== name) this.put({ ...existing, title: name });
    return key;
  }

  private addMessages(key: ConversationKey, incoming: readonly ChatMessage[]): void {
    const conversation = this.current.conversations.get(key);
    if (conversation === undefined) return;
    const messages = mergeMessages(conversation.messages, incoming);
    if (messages !== conversation.messages) this.put({ ...conversation, messages });
  }

  private put(conversation: Conversation): void {
    this.update({ conversations: new Map(this.current.conversations).set(conversation.key, conversation) });
  }

  private remove(key: ConversationKey): void {
    const conversations = new Map(this.current.conversations);
    conversations.delete(key);
    this.update({ conversations, openKey: this.current.openKey === key ? undefined : this.current.openKey });
  }

  /** Runs an action; true when it worked, else the problem is shown and false returned. */
  private async attempt(action: () => Promise<unknown>): Promise<boolean> {
    try {
      await action();
      return true;
    } catch (error) {
      this.update({ problem: describeError(error) });
      return false;
    }
  }

  private update(change: Partial<ChatState>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener();
  }
}

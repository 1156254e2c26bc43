import { ApiError, describeError } from '../api/api-error';
import type { AuthSession } from '../api/auth-session';
import { ChatSocket, type ConnectionState, type ReadyKind } from '../api/chat-socket';
import type { PushedMessage, RoomVisibility, ServerFrame, ServerFrameOf } from '../api/ws-frames';
import { catchUp } from './catch-up';
import { EarlyChanges } from './early-changes';
import { mergeListed, readConversationPage } from './conversation-list';
import { seqToMarkRead, withChangedMessage, withMessage, withPeerReadMarker, withReadMarker } from './conversation-changes';
import { conversationKey, newConversation, type Conversation, type ConversationKey } from './conversations';
import { fromPush, fromSent, fromTombstone, privateHistoryPage, roomHistoryPage } from './history-api';
import { mergeMessages, type ChatMessage } from './messages';
import { peopleToWatch, presenceOf, samePeople, type Presence } from './presence';
import { TypingBoard, TypingThrottle } from './typing';

export interface ChatState {
  readonly conversations: ReadonlyMap<ConversationKey, Conversation>;
  readonly openKey: ConversationKey | undefined;
  readonly connection: ConnectionState;
  /** Usernames by userId, as far as they were looked up. */
  readonly usernames: ReadonlyMap<number, string>;
  /** The last thing that went wrong, for an alert. */
  readonly problem: string | undefined;
  /** More conversations can be read (GET /conversations has another page). */
  readonly moreConversations: boolean;
  /** The presence of the people watched (the peers of the private chats listed). */
  readonly presence: ReadonlyMap<number, Presence>;
}

const PAGE = 50;
/** How often the token's expiry is checked while signed in (AuthSession refreshes within a minute of it). */
const KEEP_FRESH_EVERY_MS = 20_000;
/** Changes of the people shown are gathered this long before presence.subscribe is sent again. */
const PRESENCE_SETTLE_MS = 300;

/**
 * The signed-in person's chats: the conversation list (GET /conversations, paged, kept live by
 * the pushes), the messages of the conversations opened, read markers, typing and presence, and
 * the live socket that feeds them (which resumes from its feed cursor after any loss). Views
 * read `state` and re-render on `subscribe`; every action reports failures in `state.problem`
 * rather than throwing.
 */
export class ChatStore {
  private current: ChatState = {
    conversations: new Map(),
    openKey: undefined,
    connection: { status: 'connecting' },
    usernames: new Map(),
    problem: undefined,
    moreConversations: false,
    presence: new Map(),
  };
  private readonly listeners = new Set<() => void>();
  private readonly socket: ChatSocket;
  private readonly lookups = new Map<number, Promise<string>>();
  private readonly typingBoard = new TypingBoard(() => this.update({}));
  private readonly typingThrottle = new TypingThrottle();
  /** Typing frames held back by the throttle, sent once it lets them (one per conversation). */
  private readonly typingLater = new Map<ConversationKey, ReturnType<typeof setTimeout>>();
  /** The highest read marker asked for per conversation, so one is not posted twice. */
  private readonly marking = new Map<ConversationKey, number>();
  /** Edits and deletions that may arrive before their message is shown (during a page read). */
  private readonly early = new EarlyChanges();
  /** Where the next page of the list starts: undefined before the first page, null after the last. */
  private listCursor: string | null | undefined;
  private firstReading: Promise<void> | undefined;
  private nextReading: Promise<void> | undefined;
  private readPastFirstPage = false;
  private watched: readonly number[] = [];
  private presenceTimer: ReturnType<typeof setTimeout> | undefined;
  private keepFresh: ReturnType<typeof setInterval> | undefined;
  private readonly frameListeners = new Set<(frame: ServerFrame) => void>();
  private readonly onLookedAt = () => this.markRead(this.current.openKey);

  constructor(
    private readonly auth: AuthSession,
    readonly me: { readonly userId: number; readonly username: string },
  ) {
    this.socket = new ChatSocket(auth, {
      onFrame: (frame) => this.onFrame(frame),
      onReady: (kind) => void this.onReady(kind),
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
    void this.attempt(() => this.readConversations('first'));
    this.socket.start();
    // Refresh the access token before it expires even when idle, so the open socket gets the fresh one
    // (renewToken) instead of being closed with 4401 at the old one's expiry.
    this.keepFresh = setInterval(() => void this.auth.accessToken().catch(() => undefined), KEEP_FRESH_EVERY_MS);
    addEventListener('focus', this.onLookedAt);
    document.addEventListener('visibilitychange', this.onLookedAt);
  }

  stop(): void {
    clearInterval(this.keepFresh);
    clearTimeout(this.presenceTimer);
    removeEventListener('focus', this.onLookedAt);
    document.removeEventListener('visibilitychange', this.onLookedAt);
    this.typingBoard.stop();
    for (const key of [...this.typingLater.keys()]) this.cancelTyping(key);
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

  /**
   * Shows an edited message or a deleted one's tombstone in conversation `key`, pushed or answered to
   * my own edit or delete (no change when the conversation is not known; see {@link withChangedMessage}).
   */
  changeMessage(key: ConversationKey, changed: ChatMessage): void {
    this.early.remember(changed);
    this.change(key, (conversation) => withChangedMessage(conversation, changed, this.me.userId));
  }

  dismissProblem(): void {
    this.update({ problem: undefined });
  }

  async open(key: ConversationKey | undefined): Promise<void> {
    this.update({ openKey: key });
    if (key === undefined) return;
    const conversation = this.current.conversations.get(key);
    if (conversation === undefined) return;
    if (conversation.kind === 'room') void this.attempt(() => this.readRoomDetails(conversation.id));
    if (!conversation.loaded) await this.attempt(() => this.readNewest(key));
    this.markRead(key);
  }

  /** Reads the next page of the conversation list (the list's infinite scroll). */
  async loadMoreConversations(): Promise<void> {
    if (this.listCursor === null || this.listCursor === undefined) return;
    await this.attempt(() => this.readConversations('next'));
  }

  /** Reads the page before the oldest message shown (the upward infinite scroll). */
  async loadOlder(key: ConversationKey): Promise<void> {
    const conversation = this.current.conversations.get(key);
    if (conversation === undefined || conversation.reachedStart || !conversation.loaded) return;
    await this.attempt(async () => {
      const before = conversation.messages[0]?.messageId;
      const page = await this.readPage(conversation)(before, PAGE);
      const latest = this.current.conversations.get(key) ?? conversation;
      this.put({ ...latest, messages: this.early.applyTo(mergeMessages(latest.messages, page)), reachedStart: page.length < PAGE });
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
      this.cancelTyping(key);
      this.change(key, (latest) => withMessage(latest, fromSent(sent), this.me.userId, true));
    });
  }

  /**
   * The person is composing in `key`: tells the others (a `typing` frame, at most one every 2 s).
   * Typing within 2 s of the last frame is told when the 2 s are up (say, typing again right after
   * sending), unless a message is sent first.
   */
  typing(key: ConversationKey): void {
    const conversation = this.current.conversations.get(key);
    if (conversation === undefined) return;
    const wait = this.typingThrottle.admit(key);
    if (wait > 0) {
      if (!this.typingLater.has(key)) this.typingLater.set(key, setTimeout(() => (this.typingLater.delete(key), this.typing(key)), wait));
      return;
    }
    this.socket.send(conversation.kind === 'private' ? { type: 'typing', to: conversation.id } : { type: 'typing', roomId: conversation.id });
  }

  private cancelTyping(key: ConversationKey): void {
    clearTimeout(this.typingLater.get(key));
    this.typingLater.delete(key);
  }

  /** The people typing in `key` now (their userIds). */
  typists(key: ConversationKey): number[] {
    return this.typingBoard.typists(key);
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
    await this.open(this.ensurePrivate(user.userId, user.username, new Date().toISOString()));
  }

  async createRoom(name: string, visibility: RoomVisibility): Promise<boolean> {
    return this.attempt(async () => {
      const room = await this.auth.call('post', '/rooms/create', { body: { name, visibility } });
      const key = this.ensureRoom(room.roomId, room.name, new Date().toISOString());
      await this.open(key);
    });
  }

  async joinRoom(roomId: number): Promise<boolean> {
    return this.attempt(async () => {
      await this.auth.call('post', '/rooms/{roomId}/join', { path: { roomId: String(roomId) } });
      const room = await this.auth.call('get', '/rooms/{roomId}', { path: { roomId: String(roomId) } });
      const key = this.ensureRoom(room.roomId, room.name, new Date().toISOString());
      await this.open(key);
    });
  }

  async leaveRoom(roomId: number): Promise<boolean> {
    return this.attempt(async () => {
      await this.auth.call('post', '/rooms/{roomId}/leave', { path: { roomId: String(roomId) } });
      this.remove(conversationKey('room', roomId));
    });
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

  /**
   * The socket is live. The first time, and after a fresh start (no cursor to resume from, or
   * an expired one), the list is read again and the open conversation catches up from its
   * history; after a resume the replayed pushes already brought everything. Presence is asked
   * for again on every new socket.
   */
  private async onReady(kind: ReadyKind): Promise<void> {
    this.syncPresence(true);
    if (kind === 'resumed') {
      this.markRead(this.current.openKey);
      return;
    }
    await this.attempt(() => this.reload(kind === 'fresh'));
  }

  /** Reads the first page of the list again (and, after a gap, what the conversations opened missed). */
  private async reload(afterGap: boolean): Promise<void> {
    await this.readConversations(afterGap ? 'again' : 'first');
    if (!afterGap) return;
    // Each conversation as it is now: pushes change them while the open one catches up.
    for (const key of [...this.current.conversations.keys()]) {
      const conversation = this.current.conversations.get(key);
      if (conversation === undefined || !conversation.loaded) continue;
      if (key === this.current.openKey) await this.catchUpOn(key);
      else this.put({ ...conversation, messages: [], loaded: false, reachedStart: false });
    }
    this.markRead(this.current.openKey);
  }

  private onFrame(frame: ServerFrame): void {
    for (const listener of this.frameListeners) listener(frame);
    switch (frame.type) {
      case 'message':
        void this.attempt(() => this.onPushed(frame.message));
        return;
      case 'message.edited':
        this.changeMessage(this.keyOf(frame.message), fromPush(frame.message));
        return;
      case 'message.deleted':
        this.changeMessage(this.keyOf(frame.message), fromTombstone(frame.message));
        return;
      case 'read':
        this.onRead(frame);
        return;
      case 'typing': {
        if (frame.userId === this.me.userId) return;
        this.typingBoard.typing(frame.roomId === undefined ? conversationKey('private', frame.userId) : conversationKey('room', frame.roomId), frame.userId);
        return;
      }
      case 'presence':
        this.update({ presence: new Map(this.current.presence).set(frame.userId, presenceOf(frame)) });
        return;
      case 'resync':
        void this.attempt(() => this.reload(true));
        return;
      case 'room.joined':
      case 'room.member-added':
        if (frame.userId === this.me.userId) void this.attempt(() => this.readRoom(frame.roomId));
        else if (this.current.conversations.has(conversationKey('room', frame.roomId))) void this.attempt(() => this.readRoomDetails(frame.roomId));
        return;
      case 'room.left':
      case 'room.member-removed':
        if (frame.userId === this.me.userId) this.remove(conversationKey('room', frame.roomId));
        else if (this.current.conversations.has(conversationKey('room', frame.roomId))) void this.attempt(() => this.readRoomDetails(frame.roomId));
        return;
      case 'room.updated':
        this.change(conversationKey('room', frame.roomId), (room) =>
          room.title === frame.name && room.room?.visibility === frame.visibility
            ? room
            : { ...room, title: frame.name, ...(room.room === undefined ? {} : { room: { ...room.room, visibility: frame.visibility } }) },
        );
        return;
      case 'room.role-changed':
        if (this.current.conversations.has(conversationKey('room', frame.roomId))) void this.attempt(() => this.readRoomDetails(frame.roomId));
        return;
      case 'room.deleted':
        this.remove(conversationKey('room', frame.roomId));
        return;
      default:
        return;
    }
  }

  /** A read marker moved: mine (from any device) clears the badge; the peer's in a private chat is "seen". */
  private onRead(frame: ServerFrameOf<'read'>): void {
    if (frame.userId === this.me.userId) {
      const id = frame.kind === 'private' ? frame.peerId : frame.roomId;
      if (id !== undefined) this.change(conversationKey(frame.kind, id), (conversation) => withReadMarker(conversation, frame.seq));
    } else if (frame.kind === 'private' && frame.peerId === this.me.userId) {
      this.change(conversationKey('private', frame.userId), (conversation) => withPeerReadMarker(conversation, frame.seq));
    }
  }

  /** The conversation a pushed message belongs to. */
  private keyOf(message: { readonly kind: 'private' | 'room'; readonly senderId: number; readonly recipientId?: number; readonly roomId?: number }): ConversationKey {
    if (message.kind === 'room') return conversationKey('room', message.roomId ?? 0);
    return conversationKey('private', message.senderId === this.me.userId ? (message.recipientId ?? 0) : message.senderId);
  }

  private async onPushed(message: PushedMessage): Promise<void> {
    let key: ConversationKey;
    if (message.kind === 'private') {
      const peer = message.senderId === this.me.userId ? message.recipientId : message.senderId;
      if (peer === undefined) return;
      key = conversationKey('private', peer);
      if (!this.current.conversations.has(key)) {
        const username = this.usernameOf(peer) ?? (await this.lookups.get(peer)?.catch(() => undefined)) ?? `#${peer}`;
        this.ensurePrivate(peer, username, message.timestamp);
      }
    } else {
      if (message.roomId === undefined) return;
      key = conversationKey('room', message.roomId);
      if (!this.current.conversations.has(key)) await this.readRoom(message.roomId);
    }
    this.typingBoard.stopped(key, message.senderId);
    const [shown = fromPush(message)] = this.early.applyTo([fromPush(message)]);
    this.change(key, (conversation) => withMessage(conversation, shown, this.me.userId, this.viewing(key)));
    this.markRead(key);
  }

  /**
   * A room I am in now (joined or added elsewhere) enters the list. Should its details not be
   * readable now (the network, the server), it enters under its id, and its name comes when it is
   * opened or the list is read again: a pushed message is never dropped for want of a name. A 404
   * (I am not in it, or it is gone) keeps it out.
   */
  private async readRoom(roomId: number): Promise<void> {
    try {
      const room = await this.auth.call('get', '/rooms/{roomId}', { path: { roomId: String(roomId) } });
      this.ensureRoom(room.roomId, room.name, new Date().toISOString());
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw error;
      this.ensureRoom(roomId, `Room ${roomId}`, new Date().toISOString());
    }
  }

  /** The open conversation is in front of the person: its read marker moves to its newest message. */
  private markRead(key: ConversationKey | undefined): void {
    if (key === undefined || !this.viewing(key)) return;
    const conversation = this.current.conversations.get(key);
    if (conversation === undefined || !conversation.loaded) return;
    const seq = seqToMarkRead(conversation);
    if (seq === undefined || (this.marking.get(key) ?? 0) >= seq) return;
    this.marking.set(key, seq);
    this.change(key, (latest) => withReadMarker(latest, seq));
    const posted =
      conversation.kind === 'private'
        ? this.auth.call('post', '/chats/private/{userId}/read', { path: { userId: String(conversation.id) }, body: { seq } })
        : this.auth.call('post', '/chats/room/{roomId}/read', { path: { roomId: String(conversation.id) }, body: { seq } });
    posted.catch(() => {
      if (this.marking.get(key) === seq) this.marking.delete(key);
    });
  }

  /** The person has `key` open in a tab they can see. */
  private viewing(key: ConversationKey): boolean {
    return key === this.current.openKey && document.visibilityState !== 'hidden';
  }

  /**
   * Reads a page of the list: the `first` (merged into what is shown), the `next` one (after any
   * first-page read under way, so a scroll during the start is not lost), or the first `again`
   * after a gap, dropping what it no longer lists unless open (a room left meanwhile; the rest
   * comes back on scrolling).
   */
  private async readConversations(which: 'first' | 'next' | 'again'): Promise<void> {
    if (which !== 'next') {
      const reading = this.readListPage(which);
      this.firstReading = reading;
      return reading;
    }
    this.nextReading ??= (async () => {
      await this.firstReading?.catch(() => undefined);
      if (typeof this.listCursor === 'string') await this.readListPage('next');
    })().finally(() => {
      this.nextReading = undefined;
    });
    return this.nextReading;
  }

  private async readListPage(which: 'first' | 'next' | 'again'): Promise<void> {
    const page = await readConversationPage(this.auth, which === 'next' ? (this.listCursor ?? undefined) : undefined);
    // A first page answered after later pages were read must not send the list back to its start.
    if (which !== 'first' || !this.readPastFirstPage) this.listCursor = page.nextCursor;
    if (which !== 'first') this.readPastFirstPage = which === 'next';
    const conversations = new Map(which === 'again' ? [...this.current.conversations].filter(([key]) => key === this.current.openKey) : this.current.conversations);
    const usernames = new Map(this.current.usernames);
    for (const listed of page.conversations) {
      conversations.set(listed.key, mergeListed(this.current.conversations.get(listed.key), listed));
      if (listed.kind === 'private') usernames.set(listed.id, listed.title);
    }
    this.update({ conversations, usernames, moreConversations: typeof this.listCursor === 'string' });
    this.schedulePresence();
  }

  /** Asks for the presence of the people listed, when they changed (or on a new socket). */
  private syncPresence(force: boolean): void {
    clearTimeout(this.presenceTimer);
    const wanted = peopleToWatch(this.current.conversations.values());
    if (!force && samePeople(wanted, this.watched)) return;
    this.watched = wanted;
    this.socket
      .request({ type: 'presence.subscribe', userIds: wanted })
      .then((result) => {
        const users = (result as { users?: ReadonlyArray<ServerFrameOf<'presence'>> } | undefined)?.users ?? [];
        const presence = new Map(this.current.presence);
        for (const user of users) presence.set(user.userId, presenceOf(user));
        this.update({ presence });
      })
      .catch(() => {
        // Not connected: the next socket asks again.
      });
  }

  private schedulePresence(): void {
    clearTimeout(this.presenceTimer);
    this.presenceTimer = setTimeout(() => this.syncPresence(false), PRESENCE_SETTLE_MS);
  }

  private async catchUpOn(key: ConversationKey): Promise<void> {
    const conversation = this.current.conversations.get(key);
    if (conversation === undefined) return;
    const result = await catchUp(conversation.messages, this.readPage(conversation));
    const latest = this.current.conversations.get(key) ?? conversation;
    // What changed while the pages were read (pushed messages, edits, deletions) is kept, without
    // bringing back older messages the catch-up dropped (see catchUp).
    const read = new Set(result.messages.map((message) => message.messageId));
    const newest = result.messages.at(-1)?.seq ?? 0;
    const messages = this.early.applyTo(mergeMessages(result.messages, latest.messages.filter((message) => message.seq > newest || read.has(message.messageId))));
    this.put({ ...latest, messages, loaded: true, reachedStart: result.reachedStart || latest.reachedStart });
  }

  private async readNewest(key: ConversationKey): Promise<void> {
    const conversation = this.current.conversations.get(key);
    if (conversation === undefined) return;
    const page = await this.readPage(conversation)(undefined, PAGE);
    const latest = this.current.conversations.get(key) ?? conversation;
    const newest = page.at(-1);
    const read = { ...latest, messages: this.early.applyTo(mergeMessages(latest.messages, page)), loaded: true, reachedStart: page.length < PAGE };
    this.put(newest === undefined || newest.seq <= read.lastSeq ? read : { ...read, lastSeq: newest.seq });
  }

  private readPage(conversation: Conversation) {
    return conversation.kind === 'private' ? privateHistoryPage(this.auth, conversation.id) : roomHistoryPage(this.auth, conversation.id);
  }

  private ensurePrivate(userId: number, username: string, updatedAt: string): ConversationKey {
    const key = conversationKey('private', userId);
    if (!this.current.usernames.has(userId)) this.update({ usernames: new Map(this.current.usernames).set(userId, username) });
    const existing = this.current.conversations.get(key);
    if (existing === undefined) this.put(newConversation('private', userId, username, updatedAt));
    else if (existing.title !== username) this.put({ ...existing, title: username });
    return key;
  }

  private ensureRoom(roomId: number, name: string, updatedAt: string): ConversationKey {
    const key = conversationKey('room', roomId);
    const existing = this.current.conversations.get(key);
    if (existing === undefined) this.put(newConversation('room', roomId, name, updatedAt));
    else if (existing.title !== name) this.put({ ...existing, title: name });
    return key;
  }

  /** Applies a change to a conversation shown; nothing when it is not (or the change changes nothing). */
  private change(key: ConversationKey, how: (conversation: Conversation) => Conversation): void {
    const conversation = this.current.conversations.get(key);
    if (conversation === undefined) return;
    const changed = how(conversation);
    if (changed !== conversation) this.put(changed);
  }

  private put(conversation: Conversation): void {
    const added = !this.current.conversations.has(conversation.key);
    this.update({ conversations: new Map(this.current.conversations).set(conversation.key, conversation) });
    if (added && conversation.kind === 'private') this.schedulePresence();
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

import { requirePositiveInt32 } from '@chatterroom/kernel';
import type { Clock, Logger } from '@chatterroom/kernel';
import { ChatErrors, READ_MARKER_MOVED_V1 } from '../contracts';
import type {
  ConversationEntry,
  ConversationPage,
  Conversations,
  ListConversationsInput,
  MarkReadInput,
  ReadMarkerMovedV1,
  ReadMarkerState,
} from '../contracts';
import type { ChatEventLog, ConversationKey, ConversationStore, ConversationSummary, ReadMarkerStore, RoomMembership, RoomStore, UserLookup } from '../ports';
import { audienceOf } from '../domain/audience';
import { privateConversation, roomConversation } from '../domain/conversation-key';
import { byRecency, cursorAfter, positionOfCursor, type ListPosition } from '../domain/conversation-cursor';
import { requireInputObject } from '../domain/input-object';
import { requireConversationLimit, requireReadSeq, requireReadTarget, type ReadTarget } from '../domain/read-input';
import { announce, type EventRecordedSignal } from './announce';
import { memberOf, visibleRoom } from './room-access';

export interface ConversationsServiceDeps {
  readonly conversationStore: ConversationStore;
  readonly readMarkerStore: ReadMarkerStore;
  readonly roomStore: RoomStore;
  readonly roomMembership: RoomMembership;
  readonly userLookup: UserLookup;
  /** Where events are recorded (the outbox) and who publishes them: see announce. */
  readonly chatEventLog: ChatEventLog;
  readonly chatEventRelay?: EventRecordedSignal;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** A conversation of the list before its page is cut: where it stands and what it shows. */
type Candidate = ListPosition & Pick<ConversationEntry, 'kind' | 'peerId' | 'room'> & { readonly summary?: ConversationSummary };

const isAfter = (cursor: ListPosition | undefined) => (candidate: ListPosition) => cursor === undefined || byRecency(candidate, cursor) > 0;

const peerOf = (summary: ConversationSummary, userId: number): number => {
  const { senderId, recipientId } = summary.lastMessage;
  return senderId === userId ? (recipientId ?? userId) : senderId;
};

/**
 * The in-process {@link Conversations}. A list reads the user's private conversations from
 * their index, their rooms from RoomMembership, the summaries of both, and the read markers
 * of one page only: its cost grows with the number of the user's conversations, never with
 * messages or room sizes. Unread counts are `lastSeq - readSeq` less the deleted messages above
 * `readSeq`, counted on the index of deletions for the conversations with something unread.
 */
export class ConversationsService implements Conversations {
  constructor(private readonly deps: ConversationsServiceDeps) {}

  async listConversations(input: ListConversationsInput): Promise<ConversationPage> {
    requireInputObject(input);
    const userId = requirePositiveInt32(input.userId, 'userId');
    const limit = requireConversationLimit(input.limit);
    const cursor = input.before === undefined || input.before === null ? undefined : positionOfCursor(input.before);
    const candidates = (await this.candidatesOf(userId)).filter(isAfter(cursor)).sort(byRecency);
    const page = candidates.slice(0, limit);
    const markers = await this.deps.readMarkerStore.markersOf(userId, page.map((candidate) => candidate.conversation));
    const positions = page.map((candidate) => ({ candidate, readSeq: markers.get(candidate.conversation) ?? 0 }));
    const [deleted, peerMarkers] = await Promise.all([
      this.deletedUnread(positions.map(({ candidate, readSeq }) => ({ conversation: candidate.conversation, lastSeq: candidate.summary?.lastSeq ?? 0, readSeq }))),
      this.peerMarkersOf(page),
    ]);
    const conversations = positions.map(({ candidate, readSeq }) =>
      entryOf(candidate, readSeq, deleted.get(candidate.conversation) ?? 0, peerMarkers.get(candidate.conversation)),
    );
    const last = page.at(-1);
    return candidates.length > limit && last !== undefined ? { conversations, nextCursor: cursorAfter(last) } : { conversations };
  }

  async markRead(input: MarkReadInput): Promise<ReadMarkerState> {
    requireInputObject(input);
    const userId = requirePositiveInt32(input.userId, 'userId');
    const target = requireReadTarget(input);
    const seq = requireReadSeq(input.seq);
    const conversation = await this.requireReadable(userId, target);
    const [summary] = await this.deps.conversationStore.findMany([conversation]);
    const lastSeq = summary?.lastSeq ?? 0;
    const { seq: readSeq, moved } = await this.advance(userId, conversation, Math.min(seq, lastSeq));
    const deleted = (await this.deletedUnread([{ conversation, lastSeq, readSeq }])).get(conversation) ?? 0;
    if (moved) {
      const audience = target.kind === 'private' ? audienceOf(userId, target.peerId) : [userId];
      await announce<ReadMarkerMovedV1>(this.deps, READ_MARKER_MOVED_V1, async () => ({ ...target, userId, seq: readSeq, audience }));
    }
    return { ...target, userId, readSeq, lastSeq, unreadCount: unreadOf(lastSeq, readSeq, deleted) };
  }

  /** Deleted messages above each read marker, asked only where something is unread. */
  private deletedUnread(positions: readonly { conversation: ConversationKey; lastSeq: number; readSeq: number }[]): Promise<Map<ConversationKey, number>> {
    const unread = positions.filter(({ lastSeq, readSeq }) => lastSeq > readSeq);
    if (unread.length === 0) return Promise.resolve(new Map());
    return this.deps.conversationStore.deletedAfter(unread.map(({ conversation, readSeq }) => ({ conversation, afterSeq: readSeq })));
  }

  /** The peers' read markers of the page's private conversations (one read per conversation, in parallel); none is left out. */
  private async peerMarkersOf(page: readonly Candidate[]): Promise<Map<ConversationKey, number>> {
    const privates = page.flatMap(({ kind, conversation, peerId }) => (kind === 'private' && peerId !== undefined ? [{ conversation, peerId }] : []));
    const found = await Promise.all(
      privates.map(async ({ conversation, peerId }) => [conversation, (await this.deps.readMarkerStore.readersOf(conversation, [peerId])).get(peerId)] as const),
    );
    return new Map(found.flatMap(([conversation, seq]) => (seq === undefined ? [] : [[conversation, seq] as const])));
  }

  private async candidatesOf(userId: number): Promise<Candidate[]> {
    const [privates, roomIds] = await Promise.all([this.deps.conversationStore.privateOf(userId), this.deps.roomMembership.roomsOf(userId)]);
    const [rooms, roomSummaries] = await Promise.all([
      this.deps.roomStore.findManyByIds(roomIds),
      this.deps.conversationStore.findMany(roomIds.map(roomConversation)),
    ]);
    const summaries = new Map(roomSummaries.map((summary) => [summary.conversation, summary]));
    return [
      ...privates.map((summary): Candidate => ({
        kind: 'private',
        conversation: summary.conversation,
        updatedAt: summary.updatedAt,
        peerId: peerOf(summary, userId),
        summary,
      })),
      ...rooms.map((room): Candidate => {
        const conversation = roomConversation(room.roomId);
        const summary = summaries.get(conversation);
        const shown = { kind: 'room' as const, conversation, room: { roomId: room.roomId, name: room.name, visibility: room.visibility } };
        return summary === undefined ? { ...shown, updatedAt: room.createdAt } : { ...shown, updatedAt: summary.updatedAt, summary };
      }),
    ];
  }

  private async requireReadable(userId: number, target: ReadTarget): Promise<ConversationKey> {
    if (target.kind === 'room') {
      await memberOf(visibleRoom(this.deps, target.roomId, userId));
      return roomConversation(target.roomId);
    }
    if (!(await this.deps.userLookup.exists(target.peerId))) throw ChatErrors.recipientNotFound(target.peerId);
    return privateConversation(userId, target.peerId);
  }

  /** Moves the marker when there is something to read; otherwise reports where it stands. */
  private async advance(userId: number, conversation: ConversationKey, seq: number): Promise<{ seq: number; moved: boolean }> {
    if (seq > 0) return this.deps.readMarkerStore.advance(userId, conversation, seq);
    const markers = await this.deps.readMarkerStore.markersOf(userId, [conversation]);
    return { seq: markers.get(conversation) ?? 0, moved: false };
  }
}

const unreadOf = (lastSeq: number, readSeq: number, deleted: number): number => Math.max(0, lastSeq - readSeq - deleted);

const entryOf = (candidate: Candidate, readSeq: number, deleted: number, peerReadSeq: number | undefined): ConversationEntry => {
  const lastSeq = candidate.summary?.lastSeq ?? 0;
  return {
    kind: candidate.kind,
    ...(candidate.peerId === undefined ? {} : { peerId: candidate.peerId }),
    ...(candidate.room === undefined ? {} : { room: candidate.room }),
    lastMessage: candidate.summary?.lastMessage ?? null,
    lastSeq,
    readSeq,
    unreadCount: unreadOf(lastSeq, readSeq, deleted),
    updatedAt: candidate.updatedAt,
    ...(peerReadSeq === undefined ? {} : { peerReadSeq }),
  };
};

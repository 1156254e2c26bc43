import { randomUUID } from 'node:crypto';
import type { StatementSync } from 'node:sqlite';
import type { SqliteDatabase } from '@chatterroom/platform/sqlite';
import type { ChatMessage } from '../../contracts';
import type { AppendRequest, AppendResult, ConversationKey, MessageAnnouncement, MessagePageQuery, MessageStore, MessageTextChange, NewMessage, TombstoneResult } from '../../ports';
import { recordAnnouncement } from '../../domain/announcement';
import { answerAppendBatch, conversationOfBatch, idempotencyKeyOf, planAppendBatch } from '../../domain/append-batch';
import type { SqliteChatEventLog } from './sqlite.chat-event-log';

interface MessageRow {
  message_id: string;
  kind: ChatMessage['kind'];
  sender_id: number;
  recipient_id: number | null;
  room_id: number | null;
  message: string;
  timestamp: string;
  seq: number;
  client_message_id: string | null;
  edited_at: string | null;
  deleted: number;
}

const COLUMNS = 'message_id, kind, sender_id, recipient_id, room_id, message, timestamp, seq, client_message_id, edited_at, deleted';

/**
 * {@link MessageStore} on SQLite (`messages` and `conversations` of DATA_DIR/chat.db).
 * An append (or a batch of one conversation's appends) is one write transaction: look for the
 * senders' clientMessageIds (a partial unique index), take as many seqs as there are new
 * messages from the conversation's `last_seq` counter in one statement, insert them. Writes of one
 * event-loop turn share a commit (see SqliteDatabase.write), so seq stays gap-free and a
 * resolved append is on disk. History pages read the (conversation, seq) unique index
 * backwards. messageIds are random UUIDs. A created message's announcement is inserted into
 * `chat_events` (through `chatEventLog`) in the same transaction. messageIds are random UUIDs. An edit is one conditional UPDATE (`deleted = 0`), so
 * it cannot revive a tombstone; a delete clears the text and sets `deleted`.
 */
export class SqliteMessageStore implements MessageStore {
  private readonly database: SqliteDatabase;
  private readonly bySenderClientId: StatementSync;
  private readonly takeSeqs: StatementSync;
  private readonly insertOne: StatementSync;
  private readonly newestBelow: StatementSync;
  private readonly inConversation: StatementSync;
  private readonly oldestAbove: StatementSync;
  private readonly eventLog: SqliteChatEventLog | undefined;
  private readonly byId: StatementSync;
  private readonly editOne: StatementSync;
  private readonly tombstoneOne: StatementSync;
  private readonly deleteAll: StatementSync;

  constructor(deps: { chatSqlite: SqliteDatabase; chatEventLog?: SqliteChatEventLog }) {
    this.database = deps.chatSqlite;
    this.eventLog = deps.chatEventLog;
    const { db } = this.database;
    this.bySenderClientId = db.prepare(`SELECT ${COLUMNS} FROM messages WHERE sender_id = ? AND client_message_id = ?`);
    this.takeSeqs = db.prepare(
      'INSERT INTO conversations (conversation, last_seq) VALUES (?1, ?2) ON CONFLICT (conversation) DO UPDATE SET last_seq = last_seq + ?2 RETURNING last_seq',
    );
    this.insertOne = db.prepare(
      'INSERT INTO messages (message_id, conversation, seq, kind, sender_id, recipient_id, room_id, message, timestamp, client_message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.newestBelow = db.prepare(`SELECT ${COLUMNS} FROM messages WHERE conversation = ? AND seq < ? ORDER BY seq DESC LIMIT ?`);
    this.oldestAbove = db.prepare(`SELECT ${COLUMNS} FROM messages WHERE conversation = ? AND seq > ? ORDER BY seq LIMIT ?`);
    this.inConversation = db.prepare(`SELECT ${COLUMNS} FROM messages WHERE message_id = ? AND conversation = ?`);
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM messages WHERE message_id = ?`);
    this.editOne = db.prepare(`UPDATE messages SET message = ?, edited_at = ? WHERE message_id = ? AND deleted = 0 RETURNING ${COLUMNS}`);
    this.tombstoneOne = db.prepare(
      `UPDATE messages SET message = '', edited_at = NULL, deleted = 1 WHERE message_id = ? AND deleted = 0 RETURNING ${COLUMNS}`,
    );
    this.deleteAll = db.prepare('DELETE FROM messages WHERE conversation = ?');
  }

  async append(input: NewMessage, announcement?: MessageAnnouncement): Promise<AppendResult> {
    const [result] = await this.appendBatch([announcement === undefined ? { message: input } : { message: input, announcement }]);
    return result as AppendResult;
  }

  async appendBatch(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    if (requests.some((request) => request.announcement !== undefined) && this.eventLog === undefined) {
      throw new Error('SqliteMessageStore needs chatEventLog to record announcements');
    }
    conversationOfBatch(requests);
    return this.database.write((db) => {
      const plan = planAppendBatch(requests, this.earlierOf(requests));
      const count = plan.fresh.length;
      if (count === 0) return answerAppendBatch(plan, []);
      const { last_seq: last } = this.takeSeqs.get(plan.conversation, count) as { last_seq: number };
      const stored = plan.fresh.map(({ message: input, announcement }, index) => {
        const message = toNewMessage(input, randomUUID(), last - count + 1 + index);
        this.insertOne.run(
          message.messageId,
          input.conversation,
          message.seq,
          input.kind,
          input.senderId,
          input.recipientId ?? null,
          input.roomId ?? null,
          input.message,
          input.timestamp,
          input.clientMessageId ?? null,
        );
        if (announcement !== undefined) this.eventLog?.recordIn(db, recordAnnouncement(announcement, message));
        return message;
      });
      return answerAppendBatch(plan, stored);
    });
  }

  /** The messages stored before with the batch's (senderId, clientMessageId) keys, by key. */
  private earlierOf(requests: readonly AppendRequest[]): Map<string, ChatMessage> {
    const earlier = new Map<string, ChatMessage>();
    for (const { message } of requests) {
      const key = idempotencyKeyOf(message);
      if (key === undefined || earlier.has(key)) continue;
      const row = this.bySenderClientId.get(message.senderId, message.clientMessageId ?? null) as MessageRow | undefined;
      if (row !== undefined) earlier.set(key, toChatMessage(row));
    }
    return earlier;
  }

  async page(query: MessagePageQuery): Promise<ChatMessage[]> {
    if (query.limit < 1) return [];
    if (query.afterSeq !== undefined) return (this.oldestAbove.all(query.conversation, query.afterSeq, query.limit) as unknown as MessageRow[]).map(toChatMessage);
    const rows = this.newestBelow.all(query.conversation, query.beforeSeq ?? Number.MAX_SAFE_INTEGER, query.limit) as unknown as MessageRow[];
    return rows.reverse().map(toChatMessage);
  }

  async findInConversation(conversation: ConversationKey, messageId: string): Promise<ChatMessage | null> {
    const row = this.inConversation.get(messageId, conversation) as MessageRow | undefined;
    return row === undefined ? null : toChatMessage(row);
  }

  /** Deletes the messages and keeps the conversation's seq counter, so numbers are never handed out twice. */
  async deleteConversation(conversation: ConversationKey): Promise<void> {
    await this.database.write(() => this.deleteAll.run(conversation));
  }

  async findById(messageId: string): Promise<ChatMessage | null> {
    const row = this.byId.get(messageId) as MessageRow | undefined;
    return row === undefined ? null : toChatMessage(row);
  }

  edit(change: MessageTextChange): Promise<ChatMessage | null> {
    return this.database.write(() => {
      const row = this.editOne.get(change.message, change.editedAt, change.messageId) as MessageRow | undefined;
      return row === undefined ? null : toChatMessage(row);
    });
  }

  tombstone(messageId: string): Promise<TombstoneResult | null> {
    return this.database.write(() => {
      const row = this.tombstoneOne.get(messageId) as MessageRow | undefined;
      if (row !== undefined) return { message: toChatMessage(row), deletedNow: true };
      const earlier = this.byId.get(messageId) as MessageRow | undefined;
      return earlier === undefined ? null : { message: toChatMessage(earlier), deletedNow: false };
    });
  }
}

const toNewMessage = (input: NewMessage, messageId: string, seq: number): ChatMessage => ({
  messageId,
  kind: input.kind,
  senderId: input.senderId,
  ...(input.recipientId === undefined ? {} : { recipientId: input.recipientId }),
  ...(input.roomId === undefined ? {} : { roomId: input.roomId }),
  message: input.message,
  timestamp: input.timestamp,
  seq,
  ...(input.clientMessageId === undefined ? {} : { clientMessageId: input.clientMessageId }),
});

const toChatMessage = (row: MessageRow): ChatMessage => ({
  messageId: row.message_id,
  kind: row.kind,
  senderId: row.sender_id,
  ...(row.recipient_id === null ? {} : { recipientId: row.recipient_id }),
  ...(row.room_id === null ? {} : { roomId: row.room_id }),
  message: row.message,
  timestamp: row.timestamp,
  seq: row.seq,
  ...(row.client_message_id === null ? {} : { clientMessageId: row.client_message_id }),
  ...(row.edited_at === null ? {} : { editedAt: row.edited_at }),
  ...(row.deleted === 1 ? { deleted: true } : {}),
});

import type { StatementSync } from 'node:sqlite';
import type { SqliteDatabase } from '@chatterroom/platform/sqlite';
import type { ChatMessage } from '../../contracts';
import type { ConversationKey, ConversationStore, ConversationSummary, DeletionQuery, RecordedMessage } from '../../ports';
import { changeRankOf } from '../../domain/change-rank';

interface SummaryRow {
  conversation: string;
  last_seq: number;
  last_message: string;
  updated_at: string;
}

const COLUMNS = 'conversation, last_seq, last_message, updated_at';

/**
 * {@link ConversationStore} on SQLite (`conversation_summaries` of DATA_DIR/chat.db): one row per
 * conversation, replaced by an upsert that only takes a greater seq; the newest message is kept
 * as JSON. A private conversation's row names its two people (`user_low`, `user_high`), each
 * column with a partial index, so a user's private conversations are two index lookups. A change
 * (edit, tombstone) replaces the newest message only at the same seq and only with a later state
 * (the rank of {@link changeRankOf}, computed from the stored JSON). Deletions are rows of
 * `conversation_deletions` keyed (conversation, seq): counting those above a seq reads that key only.
 */
export class SqliteConversationStore implements ConversationStore {
  private readonly database: SqliteDatabase;
  private readonly upsert: StatementSync;
  private readonly byKeys: StatementSync;
  private readonly byUser: StatementSync;
  private readonly change: StatementSync;
  private readonly deletion: StatementSync;
  private readonly countDeleted: StatementSync;

  constructor(deps: { chatSqlite: SqliteDatabase }) {
    this.database = deps.chatSqlite;
    const { db } = this.database;
    this.upsert = db.prepare(
      `INSERT INTO conversation_summaries (conversation, last_seq, last_message, updated_at, user_low, user_high) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (conversation) DO UPDATE SET last_seq = excluded.last_seq, last_message = excluded.last_message, updated_at = excluded.updated_at
       WHERE excluded.last_seq > conversation_summaries.last_seq`,
    );
    this.change = db.prepare(
      `UPDATE conversation_summaries SET last_message = ?3 WHERE conversation = ?1 AND last_seq = ?2
         AND (CASE WHEN json_extract(last_message, '$.deleted') THEN '~' ELSE coalesce(json_extract(last_message, '$.editedAt'), '') END) < ?4`,
    );
    this.deletion = db.prepare('INSERT INTO conversation_deletions (conversation, seq) VALUES (?, ?) ON CONFLICT DO NOTHING');
    this.countDeleted = db.prepare('SELECT count(*) AS n FROM conversation_deletions WHERE conversation = ? AND seq > ?');
    this.byKeys = db.prepare(`SELECT ${COLUMNS} FROM conversation_summaries WHERE conversation IN (SELECT value FROM json_each(?))`);
    this.byUser = db.prepare(
      `SELECT ${COLUMNS} FROM conversation_summaries WHERE user_low = ? UNION SELECT ${COLUMNS} FROM conversation_summaries WHERE user_high = ?`,
    );
  }

  async recordMessage({ conversation, message, participants }: RecordedMessage): Promise<void> {
    const people = participants === undefined || participants.length === 0 ? [null, null] : [Math.min(...participants), Math.max(...participants)];
    await this.database.write(() =>
      this.upsert.run(conversation, message.seq, JSON.stringify(message), message.timestamp, people[0] ?? null, people[1] ?? null),
    );
  }

  async recordChange(conversation: ConversationKey, message: ChatMessage): Promise<void> {
    await this.database.write(() => this.change.run(conversation, message.seq, JSON.stringify(message), changeRankOf(message)));
  }

  async recordDeletion(conversation: ConversationKey, seq: number): Promise<void> {
    await this.database.write(() => this.deletion.run(conversation, seq));
  }

  async deletedAfter(queries: readonly DeletionQuery[]): Promise<Map<ConversationKey, number>> {
    const counts = new Map<ConversationKey, number>();
    for (const { conversation, afterSeq } of queries) {
      const { n } = this.countDeleted.get(conversation, afterSeq) as { n: number };
      if (n > 0) counts.set(conversation, n);
    }
    return counts;
  }

  async findMany(conversations: readonly ConversationKey[]): Promise<ConversationSummary[]> {
    if (conversations.length === 0) return [];
    return (this.byKeys.all(JSON.stringify([...new Set(conversations)])) as unknown as SummaryRow[]).map(toSummary);
  }

  async privateOf(userId: number): Promise<ConversationSummary[]> {
    return (this.byUser.all(userId, userId) as unknown as SummaryRow[]).map(toSummary);
  }
}

const toSummary = (row: SummaryRow): ConversationSummary => ({
  conversation: row.conversation,
  lastSeq: row.last_seq,
  lastMessage: JSON.parse(row.last_message) as ChatMessage,
  updatedAt: row.updated_at,
});

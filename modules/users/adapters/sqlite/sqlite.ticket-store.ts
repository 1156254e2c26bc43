import type { StatementSync } from 'node:sqlite';
import type { SqliteDatabase } from '@chatterroom/platform/sqlite';
import type { StoredTicket, TicketStore } from '../../ports';

interface TicketRow {
  ticket_hash: string;
  user_id: number;
  session_id: string;
  token_expires_at: string;
  expires_at: string;
}

/**
 * {@link TicketStore} on SQLite (`ws_tickets` table of DATA_DIR/users.db). `consume` is one
 * `DELETE … RETURNING` in a write transaction, so of concurrent redemptions exactly one gets
 * the row. Expired tickets are swept as new ones are saved.
 */
export class SqliteTicketStore implements TicketStore {
  private readonly database: SqliteDatabase;
  private readonly sweep: StatementSync;
  private readonly insertOne: StatementSync;
  private readonly take: StatementSync;

  constructor(deps: { usersSqlite: SqliteDatabase }) {
    this.database = deps.usersSqlite;
    const { db } = this.database;
    this.sweep = db.prepare('DELETE FROM ws_tickets WHERE expires_at <= ?');
    this.insertOne = db.prepare(
      'INSERT OR REPLACE INTO ws_tickets (ticket_hash, user_id, session_id, token_expires_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.take = db.prepare('DELETE FROM ws_tickets WHERE ticket_hash = ? RETURNING ticket_hash, user_id, session_id, token_expires_at, expires_at');
  }

  async save(ticket: StoredTicket): Promise<void> {
    await this.database.write(() => {
      this.sweep.run(new Date().toISOString());
      this.insertOne.run(ticket.ticketHash, ticket.userId, ticket.sessionId, ticket.tokenExpiresAt, ticket.expiresAt);
    });
  }

  async consume(ticketHash: string, now: string): Promise<StoredTicket | null> {
    const row = (await this.database.write(() => this.take.get(ticketHash))) as TicketRow | undefined;
    if (row === undefined || row.expires_at <= now) return null;
    return {
      ticketHash: row.ticket_hash,
      userId: row.user_id,
      sessionId: row.session_id,
      tokenExpiresAt: row.token_expires_at,
      expiresAt: row.expires_at,
    };
  }
}

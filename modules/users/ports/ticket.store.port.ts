/** A WebSocket ticket as stored: only its SHA-256 hash, and what it stands for. */
export interface StoredTicket {
  readonly ticketHash: string;
  readonly userId: number;
  readonly sessionId: string;
  /** The expiry of the access token that asked for it. */
  readonly tokenExpiresAt: string;
  /** The ticket itself is void after this. */
  readonly expiresAt: string;
}

/** Outbound port: single-use tickets, shared by every gateway through the users module. */
export interface TicketStore {
  /** Stores a ticket. @throws Error when the storage fails */
  save(ticket: StoredTicket): Promise<void>;

  /**
   * Takes the ticket out atomically: of concurrent calls with one hash (from any process),
   * at most one gets it. Null when unknown, taken already, or expired at `now`.
   */
  consume(ticketHash: string, now: string): Promise<StoredTicket | null>;
}

import type { StoredTicket, TicketStore } from '../../ports';

/** {@link TicketStore} in process memory; expired tickets are swept as new ones arrive. */
export class InMemoryTicketStore implements TicketStore {
  private readonly tickets = new Map<string, StoredTicket>();

  async save(ticket: StoredTicket): Promise<void> {
    this.sweep(new Date().toISOString());
    this.tickets.set(ticket.ticketHash, { ...ticket });
  }

  async consume(ticketHash: string, now: string): Promise<StoredTicket | null> {
    const ticket = this.tickets.get(ticketHash);
    if (ticket === undefined) return null;
    this.tickets.delete(ticketHash);
    return ticket.expiresAt > now ? { ...ticket } : null;
  }

  private sweep(now: string): void {
    for (const [hash, ticket] of this.tickets) if (ticket.expiresAt <= now) this.tickets.delete(hash);
  }
}

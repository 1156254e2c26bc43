import type { MikroORM } from '@mikro-orm/mongodb';
import type { StoredTicket, TicketStore } from '../../ports';
import { MongoClaims } from './mongo-claims';
import { ticketSchema, type TicketDocument } from './session.schemas';

/**
 * {@link TicketStore} on MongoDB through MikroORM: one `ws_tickets` document per ticket,
 * `_id` its hash. Consuming first claims the ticket ({@link MongoClaims}: a unique insert),
 * so of the gateways redeeming one ticket at once exactly one gets it, on MongoDB and on
 * FerretDB alike; then it deletes it. Expired tickets are deleted as new ones are saved.
 */
export class MikroOrmTicketStore implements TicketStore {
  private readonly claims: MongoClaims;

  constructor(private readonly deps: { mongoOrm: MikroORM }) {
    this.claims = new MongoClaims(deps);
  }

  async save(ticket: StoredTicket): Promise<void> {
    await this.collection().deleteMany({ expiresAt: { $lte: new Date() } });
    await this.collection().insertOne({
      _id: ticket.ticketHash,
      userId: ticket.userId,
      sessionId: ticket.sessionId,
      tokenExpiresAt: new Date(ticket.tokenExpiresAt),
      expiresAt: new Date(ticket.expiresAt),
    });
  }

  async consume(ticketHash: string, now: string): Promise<StoredTicket | null> {
    if (!(await this.claims.claim(`ticket:${ticketHash}`))) return null;
    const document = await this.collection().findOneAndDelete({ _id: ticketHash });
    if (document === null || document.expiresAt.toISOString() <= now) return null;
    return {
      ticketHash: document._id,
      userId: document.userId,
      sessionId: document.sessionId,
      tokenExpiresAt: document.tokenExpiresAt.toISOString(),
      expiresAt: document.expiresAt.toISOString(),
    };
  }

  private collection() {
    return this.deps.mongoOrm.em.getCollection<TicketDocument>(ticketSchema);
  }
}

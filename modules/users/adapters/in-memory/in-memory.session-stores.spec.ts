import { describeSessionStoresContract } from '@chatterroom/test/contract/ports/users/session-stores.contract';
import { InMemoryKeyStore } from './in-memory.key-store';
import { InMemorySessionStore } from './in-memory.session-store';
import { InMemoryTicketStore } from './in-memory.ticket-store';

describeSessionStoresContract('in memory', async () => ({
  keyStore: new InMemoryKeyStore(),
  sessionStore: new InMemorySessionStore(),
  ticketStore: new InMemoryTicketStore(),
  close: async () => {},
}));

import { userSchema } from './user.schema';
import { sessionSchema, signingKeySchema, ticketSchema } from './session.schemas';

export { MikroOrmUserRepository } from './mikro-orm-user.repository';
export { MikroOrmKeyStore } from './mikro-orm.key-store';
export { MikroOrmSessionStore } from './mikro-orm.session-store';
export { MikroOrmTicketStore } from './mikro-orm.ticket-store';
export { userSchema, type UserDocument } from './user.schema';

/** The users module's MikroORM schemas, for `createMongoOrm({ entities })`. */
export const usersEntities = [userSchema, signingKeySchema, sessionSchema, ticketSchema] as const;

export { SqliteUserRepository } from './sqlite-user.repository';
export { SqliteKeyStore } from './sqlite.key-store';
export { SqliteSessionStore } from './sqlite.session-store';
export { SqliteTicketStore } from './sqlite.ticket-store';
export { usersSqliteMigrations } from './users.sqlite-migrations';

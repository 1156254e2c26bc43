export { SqliteUserRepository } from './sqlite-user.repository';
export { usersSqliteMigrations } from './users.sqlite-migrations';

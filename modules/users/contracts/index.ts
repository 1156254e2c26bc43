export * from './user.dto';
export * from './user-accounts.port';
export * from './user-directory.port';
export * from './token-verifier.port';
export * from './users.errors';
export * from './users.events';

export * from './user.dto';
export * from './user-accounts.port';
export * from './user-directory.port';
export * from './user-sessions.port';
export * from './jwks.port';
export * from './token-verifier.port';
export * from './users.errors';
export * from './users.events';

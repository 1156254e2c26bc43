export * from './user.repository.port';
export * from './password-hasher.port';
export * from './token-issuer.port';
export * from './key.store.port';
export * from './session.store.port';
export * from './ticket.store.port';
export * from './session-status.port';

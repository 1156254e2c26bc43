export * from './user.repository.port';
export * from './password-hasher.port';
export * from './token-issuer.port';

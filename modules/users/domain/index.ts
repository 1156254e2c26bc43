export * from './input-fields';
export * from './username';
export * from './email';
export * from './password';
export * from './registration';
export * from './user-ids';
export * from './session-secrets';
export * from './user-search';

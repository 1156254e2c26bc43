export * from './chat.dto';
export * from './messaging.port';
export * from './room-registry.port';
export * from './room-administration.port';
export * from './chat.errors';
export * from './chat.events';
export * from './conversations.dto';
export * from './conversations.port';

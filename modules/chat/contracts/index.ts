export * from './chat.dto';
export * from './messaging.port';
export * from './room-registry.port';
export * from './chat.errors';
export * from './chat.events';
export * from './message-editing.port';

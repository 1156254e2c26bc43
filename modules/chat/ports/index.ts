export * from './room.store.port';
export * from './room-membership.port';
export * from './message.store.port';
export * from './user-lookup.port';
export * from './chat-event-log.port';
export * from './conversation.store.port';
export * from './read-marker.store.port';
export * from './room-moderation.port';

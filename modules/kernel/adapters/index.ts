export * from './in-memory-event-bus';
export * from './in-memory-event-hub';

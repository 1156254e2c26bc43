export * from './in-memory-event-bus';

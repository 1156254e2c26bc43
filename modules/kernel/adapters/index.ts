export * from './in-memory-event-bus';
export * from './in-memory-event-hub';
export * from './in-memory-rate-limiter';
export * from './in-memory-concurrency-limiter';
export * from './in-memory-signal-bus';
export * from './in-memory-presence-directory';
export * from './in-memory-signal-throttle';

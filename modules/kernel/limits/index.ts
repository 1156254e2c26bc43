export * from './rate-limiter.port';
export * from './concurrency-limiter.port';
export * from './rate-limited.error';
export * from './gcra';
export * from './abuse-limits';

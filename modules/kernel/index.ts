export * from './domain-error';
export * from './integration-event';
export * from './event-bus.port';
export * from './event-type-matcher';
export * from './clock.port';
export * from './logger.port';
export * from './ids';
export * from './keyed-serial-queue';

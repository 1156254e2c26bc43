export * from './create-mongo-orm';
export * from './counter.schema';
export * from './duplicate-key';
export * from './mongo-counters';

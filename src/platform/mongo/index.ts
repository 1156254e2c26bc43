export * from './create-mongo-orm';
export * from './counter.schema';
export * from './duplicate-key';
export * from './mongo-counters';
export * from './mongo-schema-steps';
export * from './mongo-schema-version';
export * from './find-by-ids';

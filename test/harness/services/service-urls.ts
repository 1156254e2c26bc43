/** Where integration tests find the real services; scripts/services starts them here by default. */
export const serviceUrls = {
  redis: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  amqp: process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  mongo: process.env.TEST_MONGO_URL ?? 'mongodb://127.0.0.1:27017',
} as const;

export type ServiceName = keyof typeof serviceUrls;

/** A database name no other test uses, so suites never see each other's data. */
export const uniqueDatabaseName = (prefix: string): string =>
  `${prefix}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`;

/** The Mongo URL of a fresh database named after `prefix`. */
export const mongoTestUrl = (prefix: string): string => {
  const url = new URL(serviceUrls.mongo);
  url.pathname = `/${uniqueDatabaseName(prefix)}`;
  return url.toString();
};

import type { Redis } from 'ioredis';
import type { MongoOrm } from '../mongo';
import type { SqliteDatabase } from '../sqlite';
import type { ReadinessCheck } from '@chatterroom/kernel';

/** The MongoDB database answers a ping. */
export const mongoReadiness = (orm: MongoOrm, name = 'database'): ReadinessCheck => ({
  name,
  probe: async () => {
    await orm.em.getConnection().getDb().command({ ping: 1 });
  },
});

/** The SQLite file answers a read. */
export const sqliteReadiness = (database: SqliteDatabase, name: string): ReadinessCheck => ({
  name,
  probe: async () => {
    database.db.prepare('SELECT 1').get();
  },
});

/** Redis answers PING. */
export const redisReadiness = (redis: Redis, name = 'redis'): ReadinessCheck => ({
  name,
  probe: async () => {
    await redis.ping();
  },
});

/** Something that knows whether its broker connection is up (RabbitMqEventBus). */
export interface BrokerConnection {
  /** True while a live session to the broker exists. */
  isConnected(): boolean;
}

/** The RabbitMQ connection is up (it reconnects by itself; this says whether it is now). */
export const brokerReadiness = (broker: BrokerConnection, name = 'broker'): ReadinessCheck => ({
  name,
  probe: async () => {
    if (!broker.isConnected()) throw new Error('not connected to RabbitMQ');
  },
});

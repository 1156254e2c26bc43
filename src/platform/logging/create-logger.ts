import pino, { type Logger as PinoLogger } from 'pino';
import type { LogLevel } from '../config/app-config';

export type AppLogger = PinoLogger;

/** One JSON logger per process, tagged with its role; fastify logs through the same instance. */
export const createLogger = (level: LogLevel, role: string): AppLogger =>
  pino({ level, base: { role, pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });

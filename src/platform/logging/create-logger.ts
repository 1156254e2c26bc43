import pino, { type Logger as PinoLogger } from 'pino';
import type { LogLevel } from '../config/app-config';
import { REDACTED, REDACTED_PATHS, safeSerializers, scrubRecord, scrubText } from './log-redaction';

export type AppLogger = PinoLogger;

/**
 * One JSON logger per process, tagged with its role; fastify logs through the same instance.
 * No secret reaches a line: see log-redaction.ts (headers, passwords and tokens by field
 * name, query values, URL passwords, bearer tokens and JWTs in any message or error).
 */
export const createLogger = (level: LogLevel, role: string, destination?: pino.DestinationStream): AppLogger =>
  pino(
    {
      level,
      base: { role, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: safeSerializers,
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      formatters: { log: scrubRecord },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination,
  );

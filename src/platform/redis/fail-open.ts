import type { Logger } from '@chatterroom/kernel';

const WARN_EVERY_MS = 10_000;

/**
 * Runs a limiter's Redis call; when Redis cannot answer, logs (at most every 10 s) and
 * answers `open` instead: an outage of Redis lifts the limits rather than stopping chat.
 */
export const failOpen = (logger: Logger) => {
  let lastWarning = 0;
  return async <T>(call: () => Promise<T>, open: T): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      const now = Date.now();
      if (now - lastWarning >= WARN_EVERY_MS) {
        lastWarning = now;
        logger.warn({ err: error }, 'rate limiter cannot reach Redis: limits are not enforced until it answers');
      }
      return open;
    }
  };
};

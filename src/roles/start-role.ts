import type { AppLogger } from '@chatterroom/platform/logging/create-logger';
import type { LogLevel } from '@chatterroom/platform/config/app-config';
import {
  readChatServiceConfig,
  readGatewayConfig,
  readMonolithConfig,
  readUserServiceConfig,
  type Role,
} from './role-configs';
import type { RunningRole } from './running-role';
import { closeOnce } from './close-once';
import { startTracing } from '@chatterroom/platform/tracing/start-tracing';
import { startMonolith } from './monolith.role';
import { startGateway } from './gateway.role';
import { startUserService } from './user-service.role';
import { startChatService } from './chat-service.role';

type Env = Readonly<Record<string, string | undefined>>;
type MakeLogger = (level: LogLevel) => AppLogger;
type Starter = (env: Env, makeLogger: MakeLogger) => Promise<{ running: RunningRole; logger: AppLogger }>;

/** Reads and validates the role's configuration first, so a bad variable stops the start before any connection. */
const starter =
  <C extends { logLevel: LogLevel }>(role: Role, read: (env: Env) => C, start: (config: C, logger: AppLogger) => Promise<RunningRole>): Starter =>
  async (env, makeLogger) => {
    const config = read(env);
    const logger = makeLogger(config.logLevel);
    try {
      const tracing = await startTracing(role, env, logger);
      const running = await start(config, logger);
      if (tracing === undefined) return { running, logger };
      return { running: { ...running, close: closeOnce(() => running.close().finally(() => tracing.shutdown())) }, logger };
    } catch (error) {
      logger.error({ err: error }, 'start failed');
      throw error;
    }
  };

const starters: Record<Role, Starter> = {
  monolith: starter('monolith', readMonolithConfig, startMonolith),
  gateway: starter('gateway', readGatewayConfig, startGateway),
  'user-service': starter('user-service', readUserServiceConfig, startUserService),
  'chat-service': starter('chat-service', readChatServiceConfig, startChatService),
};

export const startRole = (role: Role, env: Env, makeLogger: MakeLogger) => starters[role](env, makeLogger);

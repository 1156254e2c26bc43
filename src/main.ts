import { createLogger, type AppLogger } from '@chatterroom/platform/logging/create-logger';
import { ConfigError } from '@chatterroom/platform/config/env-reader';
import { StorageError } from '@chatterroom/platform/storage/storage-error';
import { ROLES, type Role } from '@chatterroom/roles/role-configs';
import type { RunningRole } from '@chatterroom/roles/running-role';
import { runBackup } from '@chatterroom/commands/backup.command';

const SHUTDOWN_GRACE_MS = 10_000;

const pickRole = (): Role => {
  const requested = process.argv[2] ?? process.env.CHATTERROOM_ROLE ?? 'monolith';
  if (!(ROLES as readonly string[]).includes(requested)) {
    throw new ConfigError(`unknown role "${requested}": expected one of ${ROLES.join(', ')}`);
  }
  return requested as Role;
};

const stopOnSignals = (running: RunningRole, logger: AppLogger): void => {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({}, 'shutdown took too long; exiting');
      process.exit(1);
    }, running.shutdownGraceMs ?? SHUTDOWN_GRACE_MS);
    timer.unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
};

/** One-shot commands beside the roles: they run, report on stdout and exit. */
const runCommand = (command: string | undefined): boolean => {
  if (command !== 'backup') return false;
  for (const { file, bytes } of runBackup(process.argv.slice(3), process.env)) process.stdout.write(`backed up ${file} (${bytes} bytes)\n`);
  return true;
};

const main = async (): Promise<void> => {
  if (runCommand(process.argv[2])) return;
  if (process.argv[2] === 'rotate-keys') {
    const logger = createLogger('info', 'rotate-keys');
    const { rotateKeys } = await import('@chatterroom/roles/rotate-keys.command');
    const kid = await rotateKeys(process.env, logger);
    process.stdout.write(`new signing key ${kid}\n`);
    process.exit(0);
  }
  const role = pickRole();
  // Loaded only for a role: commands and configuration errors answer without loading the servers.
  const { startRole } = await import('@chatterroom/roles/start-role');
  const { running, logger } = await startRole(role, process.env, (level) => createLogger(level, role));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  stopOnSignals(running, logger);
};

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError ? `configuration error: ${error.message}` : error instanceof StorageError ? `storage error: ${error.message}` : error;
  // The logger may not exist yet (bad configuration), so this one goes to stderr directly.
  process.stderr.write(`chatterroom ${process.argv[2] === 'backup' ? 'backup failed' : 'failed to start'}: ${message instanceof Error ? (message.stack ?? message.message) : String(message)}\n`);
  process.exit(1);
});

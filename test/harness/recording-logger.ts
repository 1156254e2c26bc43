import { silentLogger, type Logger } from '@chatterroom/kernel';

/** A logger for tests that keeps the messages of its warn and info lines, in order. */
export const recordingLogger = () => {
  const warnings: string[] = [];
  const infos: string[] = [];
  const logger: Logger = { ...silentLogger, warn: (_o, msg) => warnings.push(msg ?? ''), info: (_o, msg) => infos.push(msg ?? '') };
  return { logger, warnings, infos };
};

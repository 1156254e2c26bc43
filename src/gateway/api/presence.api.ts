import type { Logger, PresenceDirectory } from '@chatterroom/kernel';

/** `{status, lastSeenAt?}` of a user, or undefined when the directory cannot answer (never fails the request). */
export const presenceOf = async (
  deps: { presenceDirectory: PresenceDirectory },
  userId: number,
  logger: Logger,
): Promise<{ status: 'online' | 'offline'; lastSeenAt?: string } | undefined> => {
  try {
    const [state] = await deps.presenceDirectory.statesOf([userId], new Date());
    if (state === undefined) return undefined;
    return state.lastSeenAt === undefined ? { status: state.status } : { status: state.status, lastSeenAt: state.lastSeenAt };
  } catch (error) {
    logger.warn({ err: error, userId }, 'presence unknown: the directory did not answer');
    return undefined;
  }
};

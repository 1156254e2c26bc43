import { eventually, type ChatSocket, type Frame } from '@chatterroom/test/harness/system';

/** What one listener got wrong of the messages it should have received. */
export interface DeliveryFaults {
  /** Texts it never received. */
  readonly missed: string[];
  /** Texts it received more than once (on one socket or over several). */
  readonly duplicated: string[];
}

const textOf = (frame: Frame): string | undefined =>
  frame.type === 'message' && typeof frame.message === 'object' && frame.message !== null ? (frame.message as { message?: string }).message : undefined;

/** How often each message text was pushed to `sockets` (one client's sockets, old and new), live or replayed. */
export const textCounts = (sockets: readonly ChatSocket[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const frame of sockets.flatMap((socket) => socket.received)) {
    const text = textOf(frame);
    if (text !== undefined) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return counts;
};

/** Which of `texts` the client with `sockets` missed, and which it got more than once. */
export const deliveryFaults = (sockets: readonly ChatSocket[], texts: readonly string[]): DeliveryFaults => {
  const counts = textCounts(sockets);
  return {
    missed: texts.filter((text) => (counts.get(text) ?? 0) === 0),
    duplicated: texts.filter((text) => (counts.get(text) ?? 0) > 1),
  };
};

/**
 * Waits (polling, up to `timeoutMs`) until the client with `sockets` has received every one of
 * `texts`, then answers what it got wrong: nothing missed, or what was still missing at the end;
 * and what it got twice by then.
 */
export const deliveryFaultsOnceAllArrived = async (
  sockets: () => readonly ChatSocket[],
  texts: readonly string[],
  timeoutMs = 120_000,
): Promise<DeliveryFaults> => {
  try {
    await eventually(() => {
      if (deliveryFaults(sockets(), texts).missed.length > 0) throw new Error('still missing messages');
    }, { timeoutMs, intervalMs: 250 });
  } catch {
    // reported below, with the texts still missing
  }
  return deliveryFaults(sockets(), texts);
};

/** The cursor of the last frame `socket` received that carried one (`ready`, or an event): where a resume starts. */
export const lastCursorOf = (socket: ChatSocket): string | undefined => {
  for (let index = socket.received.length - 1; index >= 0; index -= 1) {
    const cursor = socket.received[index]?.cursor;
    if (typeof cursor === 'string') return cursor;
  }
  return undefined;
};

/**
 * Opens a socket with `?since=` (by `connect`) and waits for its `resumed` frame, as a careful
 * client does: when the upgrade is refused, or the server reports with an error frame that it
 * could not replay ("reconnect to try again"), it closes that socket and tries again from the
 * last cursor it has got by then. Every socket it opened is added to `sockets` (their frames
 * count). Resolves with the socket that resumed.
 */
export const resumeUntilResumed = async (
  connect: (since: string) => Promise<ChatSocket>,
  since: string,
  sockets: ChatSocket[],
  timeoutMs = 240_000,
): Promise<ChatSocket> => {
  let cursor = since;
  return eventually(async () => {
    const socket = await connect(cursor);
    sockets.push(socket);
    const outcome = await socket.next((frame) => frame.type === 'resumed' || (frame.type === 'error' && frame.id === undefined), 120_000);
    if (outcome.type === 'resumed') return socket;
    cursor = lastCursorOf(socket) ?? cursor;
    await socket.close();
    throw new Error(`resume refused: ${JSON.stringify(outcome)}`);
  }, { timeoutMs, intervalMs: 500 });
};

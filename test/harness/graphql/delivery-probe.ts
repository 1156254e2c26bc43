import type { LiveSubscription, Result } from './graphql-subscriber';

export interface ProbeOptions {
  /** Bounds the waiting only. */
  readonly timeoutMs?: number;
  /** How long to wait for one probe before sending another. */
  readonly probeEveryMs?: number;
}

/** The text of the message a `messageAdded` / `roomMessageAdded` / `messageEdited` result carries (or the room name a `roomEvents` result carries). */
export const messageTextOf = (result: Result): string | undefined => {
  const data = result.data as Record<string, { message?: unknown; name?: unknown } | undefined> | null | undefined;
  const message = data?.messageAdded ?? data?.roomMessageAdded ?? data?.messageEdited;
  if (typeof message?.message === 'string') return message.message;
  return typeof data?.roomEvents?.name === 'string' ? data.roomEvents.name : undefined;
};

/** A result carrying a message with this text. */
export const withText =
  (text: string) =>
  (result: Result): boolean =>
    messageTextOf(result) === text;

/**
 * Waits until `subscription` is live on the server: subscribing has no acknowledgement in
 * graphql-transport-ws, so this sends probe messages (`sendProbe` sends one and returns its
 * text) until one of them arrives, and returns that result. Probes are told apart by text.
 */
export const untilDelivering = async (
  subscription: LiveSubscription,
  sendProbe: () => Promise<string>,
  options: ProbeOptions = {},
): Promise<Result> => {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const sent = new Set<string>();
  const isProbe = (result: Result) => sent.has(messageTextOf(result) ?? '');
  for (;;) {
    sent.add(await sendProbe());
    try {
      return await subscription.next(isProbe, options.probeEveryMs ?? 500);
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
  }
};

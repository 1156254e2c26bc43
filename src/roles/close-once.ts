/** Makes a shutdown function idempotent: later calls wait for the first one. */
export const closeOnce = (close: () => Promise<void>): (() => Promise<void>) => {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
};

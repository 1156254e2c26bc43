import type { IpcChannel } from './ipc-messages';

/**
 * Two ends of one channel within a process, for specs: each message is structured-cloned (as
 * node's `advanced` IPC serialization does) and arrives on a later tick, never during `send`.
 * `cut()` closes it: later sends throw, as on a process whose channel is gone.
 */
export const loopbackChannels = <A, B>(): { a: IpcChannel<A, B>; b: IpcChannel<B, A>; cut(): void } => {
  const handlersOfA: ((message: A) => void)[] = [];
  const handlersOfB: ((message: B) => void)[] = [];
  let open = true;
  const deliver = <T>(handlers: readonly ((message: T) => void)[], message: T): void => {
    if (!open) throw new Error('channel closed');
    const copy = structuredClone(message);
    setImmediate(() => {
      if (open) for (const handler of handlers) handler(copy);
    });
  };
  return {
    a: { send: (message) => deliver(handlersOfB, message), onMessage: (handler) => void handlersOfA.push(handler) },
    b: { send: (message) => deliver(handlersOfA, message), onMessage: (handler) => void handlersOfB.push(handler) },
    cut: () => {
      open = false;
    },
  };
};

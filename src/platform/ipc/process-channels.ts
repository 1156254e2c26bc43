import type { Worker } from 'node:cluster';
import type { IpcChannel, ToModulesProcess, ToSocketProcess } from './ipc-messages';

/** Several messages of one turn of the event loop, sent as one IPC message (one pipe write, one read). */
interface IpcBatch {
  readonly t: 'batch';
  readonly messages: readonly unknown[];
}

const isIpcMessage = (message: unknown): message is { t: string } =>
  typeof message === 'object' && message !== null && typeof (message as { t?: unknown }).t === 'string';

/** The answer to a call whose value cannot cross (not structured-clonable): a generic internal error, so the call does not hang. */
const UNSENDABLE_REPLY_ERROR = { code: 'INTERNAL_ERROR', kind: 'internal', message: 'internal error' } as const;

const sendAlone = (send: (message: unknown) => void, message: unknown): void => {
  try {
    send(message);
  } catch {
    const { t, id } = message as { t?: unknown; id?: unknown };
    if (t === 'reply' && typeof id === 'number') send({ t: 'reply', id, error: UNSENDABLE_REPLY_ERROR });
  }
};

/**
 * A channel over a node IPC `send`: the messages sent during one turn of the event loop leave
 * together on the next (each IPC message is a system call on each side, and a batch of chat
 * events lets the socket process write a turn's frames to each socket at once); order is kept.
 */
const batchingChannel = <In, Out>(send: (message: unknown) => void, listen: (handler: (message: unknown) => void) => void): IpcChannel<In, Out> => {
  let queued: unknown[] = [];
  const flush = (): void => {
    const messages = queued;
    queued = [];
    try {
      send(messages.length === 1 ? messages[0] : ({ t: 'batch', messages } satisfies IpcBatch));
    } catch {
      for (const message of messages) sendAlone(send, message);
    }
  };
  return {
    send: (message) => {
      if (queued.length === 0) setImmediate(flush);
      queued.push(message);
    },
    onMessage: (handler) => {
      listen((message) => {
        if (!isIpcMessage(message)) return;
        if (message.t !== 'batch') return handler(message as In);
        for (const each of (message as IpcBatch).messages) handler(each as In);
      });
    },
  };
};

/** This (forked) process's channel to its parent, the modules' process. */
export const processChannel = (): IpcChannel<ToSocketProcess, ToModulesProcess> => {
  if (process.send === undefined) throw new Error('not a forked process: no channel to the modules process');
  const send = process.send.bind(process);
  return batchingChannel(
    (message) => void send(message),
    (handler) => void process.on('message', handler),
  );
};

/** The modules' process's channel to one socket process it forked. */
export const childChannel = (worker: Worker): IpcChannel<ToModulesProcess, ToSocketProcess> =>
  batchingChannel(
    (message) => void worker.send(message as object),
    (handler) => void worker.on('message', handler),
  );

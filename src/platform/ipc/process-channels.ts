import type { Worker } from 'node:cluster';
import type { IpcChannel, ToModulesProcess, ToSocketProcess } from './ipc-messages';

const isIpcMessage = (message: unknown): boolean => typeof message === 'object' && message !== null && typeof (message as { t?: unknown }).t === 'string';

/** This (forked) process's channel to its parent, the modules' process. */
export const processChannel = (): IpcChannel<ToSocketProcess, ToModulesProcess> => {
  if (process.send === undefined) throw new Error('not a forked process: no channel to the modules process');
  const send = process.send.bind(process);
  return {
    send: (message) => {
      send(message);
    },
    onMessage: (handler) => {
      process.on('message', (message) => {
        if (isIpcMessage(message)) handler(message as ToSocketProcess);
      });
    },
  };
};

/** The modules' process's channel to one socket process it forked. */
export const childChannel = (worker: Worker): IpcChannel<ToModulesProcess, ToSocketProcess> => ({
  send: (message) => {
    worker.send(message);
  },
  onMessage: (handler) => {
    worker.on('message', (message: unknown) => {
      if (isIpcMessage(message)) handler(message as ToModulesProcess);
    });
  },
});

export * from './ipc-messages';
export { IpcPortClient, ipcPort } from './ipc-port-client';
export { IpcPortServer } from './ipc-port-server';
export { IpcEventBus } from './ipc-event-bus';
export { IpcSignalBus } from './ipc-signal-bus';
export { processChannel, childChannel } from './process-channels';

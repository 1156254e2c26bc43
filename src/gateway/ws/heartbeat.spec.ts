import type { WebSocket } from 'ws';
import { ConnectionRegistry } from './connection-registry';
import { Heartbeat } from './heartbeat';

/** Calls its listeners as an EventEmitter does: with the socket as `this`. */
const fakeSocket = () => {
  const listeners: Record<string, (this: unknown) => void> = {};
  const socket = {
    ping: jest.fn(),
    terminate: jest.fn(),
    on: (event: string, listener: (this: unknown) => void) => (listeners[event] = listener),
    answer: () => listeners.pong?.call(socket),
  };
  return socket;
};

describe('Heartbeat', () => {
  it('pings live sockets and terminates those that did not answer the last ping', () => {
    const connections = new ConnectionRegistry();
    const heartbeat = new Heartbeat(connections);
    const lively = fakeSocket();
    const silent = fakeSocket();
    for (const socket of [lively, silent]) {
      connections.add(1, socket as unknown as WebSocket);
      heartbeat.track(socket as unknown as WebSocket);
    }
    heartbeat.beat();
    expect(lively.ping).toHaveBeenCalledTimes(1);
    expect(silent.ping).toHaveBeenCalledTimes(1);
    lively.answer();
    heartbeat.beat();
    expect(lively.terminate).not.toHaveBeenCalled();
    expect(silent.terminate).toHaveBeenCalledTimes(1);
  });
});

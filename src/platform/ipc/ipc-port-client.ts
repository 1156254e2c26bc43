import { DomainError, RequestDeadline, RequestId, type IntegrationEvent, type Signal } from '@chatterroom/kernel';
import type { IpcCall, IpcChannel, ToModulesProcess, ToSocketProcess } from './ipc-messages';

/** The code of a call whose answer never came: the modules' process went away meanwhile. */
const SERVICE_UNAVAILABLE_CODE = 'SERVICE_UNAVAILABLE';

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * A socket process's end of its channel to the modules' process: calls a port method there
 * and waits for the answer (a DomainError thrown there is rethrown here with the same code,
 * kind and message), and hands the events and signals pushed to it to the bus adapters.
 * Each call carries the request's deadline and id, as a gRPC call does (not the caller's token:
 * the modules' process, like the single process, never reads it).
 */
export class IpcPortClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly eventHandlers = new Map<string, ((event: IntegrationEvent) => void)[]>();
  private signalHandler: ((signal: Signal) => void) | undefined;
  private shutdownHandler: (() => void) | undefined;

  constructor(private readonly channel: IpcChannel<ToSocketProcess, ToModulesProcess>) {
    channel.onMessage((message) => this.receive(message));
  }

  /** Runs `port.method(...args)` in the modules' process; rejects as it rejected there. */
  call<T>(port: string, method: string, args: readonly unknown[]): Promise<T> {
    const id = this.nextId++;
    const deadline = RequestDeadline.current();
    const requestId = RequestId.current();
    const message: IpcCall = {
      t: 'call',
      id,
      port,
      method,
      args,
      ctx: { ...(deadline === undefined ? {} : { deadline }), ...(requestId === undefined ? {} : { requestId }) },
    };
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      try {
        this.channel.send(message);
      } catch {
        this.pending.delete(id);
        reject(new DomainError(SERVICE_UNAVAILABLE_CODE, 'unavailable', 'the modules process is unavailable'));
      }
    });
  }

  /** Adds a receiver of the events pushed for subscription `key` (every receiver of the key gets each). */
  onEvents(key: string, handler: (event: IntegrationEvent) => void): void {
    this.eventHandlers.set(key, [...(this.eventHandlers.get(key) ?? []), handler]);
  }

  onSignals(handler: (signal: Signal) => void): void {
    this.signalHandler = handler;
  }

  onShutdown(handler: () => void): void {
    this.shutdownHandler = handler;
  }

  /** The channel closed: every call still waiting fails as unavailable. */
  disconnected(): void {
    for (const { reject } of this.pending.values()) reject(new DomainError(SERVICE_UNAVAILABLE_CODE, 'unavailable', 'the modules process is unavailable'));
    this.pending.clear();
  }

  private receive(message: ToSocketProcess): void {
    switch (message.t) {
      case 'reply': {
        const pending = this.pending.get(message.id);
        if (pending === undefined) return;
        this.pending.delete(message.id);
        if ('error' in message) pending.reject(new DomainError(message.error.code, message.error.kind, message.error.message));
        else pending.resolve(message.value);
        return;
      }
      case 'event':
        for (const handler of this.eventHandlers.get(message.key) ?? []) handler(message.event);
        return;
      case 'signal':
        this.signalHandler?.(message.signal);
        return;
      case 'shutdown':
        this.shutdownHandler?.();
        return;
    }
  }
}

/**
 * A port whose every method is a call to the same-named port in the modules' process. Every
 * method of the ports served this way returns a promise and takes structured-clonable data.
 */
export const ipcPort = <T extends object>(client: IpcPortClient, port: string): T => {
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy({} as T, {
    get: (_target, method) => {
      if (typeof method !== 'string' || method === 'then' || method === 'toJSON') return undefined;
      let call = methods.get(method);
      if (call === undefined) {
        call = (...args: unknown[]) => client.call(port, method, args);
        methods.set(method, call);
      }
      return call;
    },
  });
};

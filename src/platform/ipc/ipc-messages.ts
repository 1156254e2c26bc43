import type { ErrorKind, IntegrationEvent, Signal } from '@chatterroom/kernel';

/** The request context a call carries across the process boundary (what gRPC sends as metadata). */
export interface IpcCallContext {
  readonly deadline?: number;
  readonly requestId?: string;
}

/** A socket process asks the modules' process to run `port.method(...args)`. */
export interface IpcCall {
  readonly t: 'call';
  readonly id: number;
  readonly port: string;
  readonly method: string;
  readonly args: readonly unknown[];
  readonly ctx: IpcCallContext;
}

/** A DomainError as it crosses: rebuilt on the calling side with the same code, kind and message. */
export interface IpcError {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly message: string;
}

/** The answer to one {@link IpcCall}: its value, or the error it threw. */
export type IpcReply = { readonly t: 'reply'; readonly id: number; readonly value: unknown } | { readonly t: 'reply'; readonly id: number; readonly error: IpcError };

/** An event of the in-process bus, for the socket process's subscription `key`. */
export interface IpcEvent {
  readonly t: 'event';
  readonly key: string;
  readonly event: IntegrationEvent;
}

/** A signal of the in-process signal bus. */
export interface IpcSignal {
  readonly t: 'signal';
  readonly signal: Signal;
}

/** The modules' process asks a socket process to drain and exit. */
export interface IpcShutdown {
  readonly t: 'shutdown';
}

export type ToSocketProcess = IpcReply | IpcEvent | IpcSignal | IpcShutdown;
export type ToModulesProcess = IpcCall;

/** Either end of one IPC channel (a forked process and its parent). */
export interface IpcChannel<In, Out> {
  send(message: Out): void;
  onMessage(handler: (message: In) => void): void;
}

/** The ports the bus adapters reach through a call: not module ports, the modules' process answers them itself. */
export const BUS_PORT = '$bus';
export const READINESS_PORT = '$readiness';

/** The key of a socket process's event subscription: one per distinct list of types. */
export const subscriptionKey = (types: readonly string[]): string => types.join(',');

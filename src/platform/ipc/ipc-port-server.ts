import {
  DomainError,
  RequestDeadline,
  RequestId,
  runReadinessChecks,
  type EventBus,
  type IntegrationEvent,
  type Logger,
  type ReadinessCheck,
  type Signal,
  type SignalBus,
} from '@chatterroom/kernel';
import { BUS_PORT, READINESS_PORT, subscriptionKey, type IpcCall, type IpcChannel, type IpcError, type ToModulesProcess, type ToSocketProcess } from './ipc-messages';

type Channel = IpcChannel<ToModulesProcess, ToSocketProcess>;
type AnyPort = Record<string, unknown>;

const INTERNAL_ERROR: IpcError = { code: 'INTERNAL_ERROR', kind: 'internal', message: 'internal error' };

/**
 * The modules' process's end of the socket processes' channels: runs each call on the named
 * port (inside the caller's deadline and request id, as a gRPC server does) and
 * answers with its value or its DomainError; fans each event of the in-process bus out once
 * to every socket process subscribed to its types, and each signal to every socket process.
 */
export class IpcPortServer {
  private readonly channels = new Set<Channel>();
  private readonly eventSubscribers = new Map<string, Set<Channel>>();
  private readonly busSubscriptions = new Map<string, Promise<void>>();
  private readonly signalSubscribers = new Set<Channel>();
  private signalsSubscribed: Promise<void> | undefined;

  constructor(
    private readonly deps: {
      ports: Readonly<Record<string, object>>;
      eventBus: EventBus;
      signalBus: SignalBus;
      readinessChecks: readonly ReadinessCheck[];
      logger: Logger;
    },
  ) {}

  /** Serves one socket process; the returned function forgets it (its process exited). */
  attach(channel: Channel): () => void {
    this.channels.add(channel);
    channel.onMessage((message) => {
      if (message.t === 'call') void this.answer(channel, message);
    });
    return () => {
      this.channels.delete(channel);
      this.signalSubscribers.delete(channel);
      for (const subscribers of this.eventSubscribers.values()) subscribers.delete(channel);
    };
  }

  private async answer(channel: Channel, call: IpcCall): Promise<void> {
    let reply: ToSocketProcess;
    try {
      const work = () => RequestDeadline.run(call.ctx.deadline, () => this.run(channel, call));
      const value = await (call.ctx.requestId === undefined ? work() : RequestId.run(call.ctx.requestId, work));
      reply = { t: 'reply', id: call.id, value };
    } catch (error) {
      reply = { t: 'reply', id: call.id, error: this.errorOf(error, call) };
    }
    if (!this.channels.has(channel)) return;
    try {
      channel.send(reply);
    } catch (error) {
      this.deps.logger.error({ err: error, port: call.port, method: call.method }, 'a port call\'s answer could not be sent');
      channel.send({ t: 'reply', id: call.id, error: INTERNAL_ERROR });
    }
  }

  private run(channel: Channel, { port, method, args }: IpcCall): Promise<unknown> {
    if (port === BUS_PORT) return this.runBus(channel, method, args);
    if (port === READINESS_PORT) return this.runReadiness(method, args);
    const target = Object.hasOwn(this.deps.ports, port) ? (this.deps.ports[port] as AnyPort) : undefined;
    const fn = target === undefined || Object.hasOwn(Object.prototype, method) ? undefined : target[method];
    if (typeof fn !== 'function') throw new Error(`no such port method: ${port}.${method}`);
    return Promise.resolve(fn.apply(target, args));
  }

  private async runBus(channel: Channel, method: string, args: readonly unknown[]): Promise<unknown> {
    switch (method) {
      case 'publishEvent':
        return this.deps.eventBus.publish(args[0] as IntegrationEvent);
      case 'publishSignal':
        return this.deps.signalBus.publish(args[0] as Signal);
      case 'subscribeEvents':
        return this.subscribeEvents(channel, args[0] as readonly string[]);
      case 'subscribeSignals':
        this.signalSubscribers.add(channel);
        this.signalsSubscribed ??= this.deps.signalBus.subscribe((signal) => this.forward(this.signalSubscribers, { t: 'signal', signal }));
        return this.signalsSubscribed;
      default:
        throw new Error(`no such bus method: ${method}`);
    }
  }

  private subscribeEvents(channel: Channel, types: readonly string[]): Promise<void> {
    const key = subscriptionKey(types);
    let subscribers = this.eventSubscribers.get(key);
    if (subscribers === undefined) {
      const created = new Set<Channel>();
      subscribers = created;
      this.eventSubscribers.set(key, created);
      this.busSubscriptions.set(
        key,
        this.deps.eventBus.subscribe({ types, delivery: { mode: 'broadcast' } }, async (event) => this.forward(created, { t: 'event', key, event })),
      );
    }
    subscribers.add(channel);
    return this.busSubscriptions.get(key) as Promise<void>;
  }

  private async runReadiness(method: string, args: readonly unknown[]): Promise<unknown> {
    const { readinessChecks } = this.deps;
    if (method === 'names') return readinessChecks.map((check) => check.name);
    const check = readinessChecks.find(({ name }) => name === args[0]);
    if (method !== 'probe' || check === undefined) throw new Error(`no such readiness check: ${String(args[0])}`);
    const report = await runReadinessChecks([check]);
    if (!report.ready) throw new DomainError('NOT_READY', 'unavailable', report.checks[check.name] ?? 'not ready');
    return undefined;
  }

  private forward(channels: ReadonlySet<Channel>, message: ToSocketProcess): void {
    for (const channel of channels) {
      try {
        channel.send(message);
      } catch (error) {
        this.deps.logger.warn({ err: error }, 'a socket process missed a push');
      }
    }
  }

  private errorOf(error: unknown, call: IpcCall): IpcError {
    if (error instanceof DomainError) return { code: error.code, kind: error.kind, message: error.message };
    this.deps.logger.error({ err: error, port: call.port, method: call.method }, 'port call failed');
    return INTERNAL_ERROR;
  }
}

import {
  createEvent,
  DomainError,
  RequestDeadline,
  RequestId,
  silentLogger,
  type IntegrationEvent,
  type PresenceDirectory,
  type Signal,
} from '@chatterroom/kernel';
import { InMemoryEventBus, InMemoryPresenceDirectory, InMemorySignalBus } from '@chatterroom/kernel/adapters';
import { eventually } from '@chatterroom/test/contract/ports/event-bus/event-recorder';
import { IpcEventBus } from './ipc-event-bus';
import type { ToModulesProcess, ToSocketProcess } from './ipc-messages';
import { IpcPortClient, ipcPort } from './ipc-port-client';
import { IpcPortServer } from './ipc-port-server';
import { IpcSignalBus } from './ipc-signal-bus';
import { loopbackChannels } from './loopback-channels';

const failing = {
  async refuse(): Promise<never> {
    throw new DomainError('CHAT_NOT_A_ROOM_MEMBER', 'forbidden', 'You are not a member of room 7');
  },
  async crash(): Promise<never> {
    throw new Error('secret internals');
  },
  async context(): Promise<{ deadline: number | undefined; requestId: string | undefined }> {
    return { deadline: RequestDeadline.current(), requestId: RequestId.current() };
  },
};

const setup = () => {
  const eventBus = new InMemoryEventBus({ logger: silentLogger });
  const signalBus = new InMemorySignalBus({ logger: silentLogger });
  const presence = new InMemoryPresenceDirectory({ ttlMs: 45_000 });
  const server = new IpcPortServer({
    ports: { presenceDirectory: presence, failing },
    eventBus,
    signalBus,
    readinessChecks: [{ name: 'database', probe: async () => undefined }, { name: 'broker', probe: async () => { throw new Error('down'); } }],
    logger: silentLogger,
  });
  const connect = () => {
    const pair = loopbackChannels<ToSocketProcess, ToModulesProcess>();
    const detach = server.attach(pair.b);
    const client = new IpcPortClient(pair.a);
    return { client, detach, cut: pair.cut };
  };
  return { eventBus, signalBus, connect, close: () => Promise.all([eventBus.close(), signalBus.close()]) };
};

describe('ports over IPC (a socket process and the modules process)', () => {
  it('answers a port call with the value the port returned, dates included', async () => {
    const { connect, close } = setup();
    const { client } = connect();
    const presence = ipcPort<PresenceDirectory>(client, 'presenceDirectory');
    const at = new Date('2026-11-30T10:00:00.000Z');

    expect(await presence.connected(7, 'socket-1', at)).toBe(true);
    expect(await presence.connected(7, 'socket-2', at)).toBe(false);
    expect(await presence.statesOf([7, 8], at)).toEqual([
      expect.objectContaining({ userId: 7, status: 'online' }),
      expect.objectContaining({ userId: 8, status: 'offline' }),
    ]);
    await close();
  });

  it('rethrows a DomainError with its code, kind and message, and hides any other failure', async () => {
    const { connect, close } = setup();
    const { client } = connect();
    const port = ipcPort<typeof failing>(client, 'failing');

    await expect(port.refuse()).rejects.toEqual(expect.objectContaining({ code: 'CHAT_NOT_A_ROOM_MEMBER', kind: 'forbidden', message: 'You are not a member of room 7' }));
    await expect(port.refuse()).rejects.toBeInstanceOf(DomainError);
    const crash = await port.crash().catch((error: unknown) => error);
    expect(crash).toEqual(expect.objectContaining({ code: 'INTERNAL_ERROR', kind: 'internal' }));
    expect((crash as Error).message).not.toContain('secret');
    await close();
  });

  it('refuses what is not a port method: unknown ports, unknown methods, Object.prototype', async () => {
    const { connect, close } = setup();
    const { client } = connect();

    for (const [port, method] of [['nope', 'statesOf'], ['presenceDirectory', 'nope'], ['presenceDirectory', 'constructor'], ['failing', 'hasOwnProperty']] as const) {
      await expect(client.call(port, method, [])).rejects.toEqual(expect.objectContaining({ code: 'INTERNAL_ERROR' }));
    }
    await close();
  });

  it("runs a call inside the caller's deadline and request id", async () => {
    const { connect, close } = setup();
    const { client } = connect();
    const port = ipcPort<typeof failing>(client, 'failing');

    const seen = await RequestId.run('req-42', () => RequestDeadline.run(1_900_000_000_000, () => port.context()));

    expect(seen).toEqual({ deadline: 1_900_000_000_000, requestId: 'req-42' });
    expect(await port.context()).toEqual({ deadline: undefined, requestId: undefined });
    await close();
  });

  it('fans each event out once to every subscribed socket process, in publish order, and stops for a detached one', async () => {
    const { eventBus, connect, close } = setup();
    const first = connect();
    const second = connect();
    const seen: Record<string, string[]> = { first: [], second: [] };
    const subscribe = (client: IpcPortClient, name: string) =>
      new IpcEventBus({ ipcPortClient: client, logger: silentLogger }).subscribe({ types: ['chat.*'], delivery: { mode: 'broadcast' } }, async (event: IntegrationEvent) => {
        seen[name]?.push(event.type);
      });
    await subscribe(first.client, 'first');
    await subscribe(second.client, 'second');

    await eventBus.publish(createEvent('chat.one.v1', {}));
    await eventBus.publish(createEvent('users.other.v1', {}));
    await eventBus.publish(createEvent('chat.two.v1', {}));
    await eventually(() => expect(seen).toEqual({ first: ['chat.one.v1', 'chat.two.v1'], second: ['chat.one.v1', 'chat.two.v1'] }));

    second.detach();
    second.cut();
    await eventBus.publish(createEvent('chat.three.v1', {}));
    await eventually(() => expect(seen.first).toEqual(['chat.one.v1', 'chat.two.v1', 'chat.three.v1']));
    expect(seen.second).toEqual(['chat.one.v1', 'chat.two.v1']);
    await close();
  });

  it('gives each of two subscriptions to the same types in one socket process its own copy', async () => {
    const { eventBus, connect, close } = setup();
    const { client } = connect();
    const bus = new IpcEventBus({ ipcPortClient: client, logger: silentLogger });
    const seen: string[] = [];
    for (const name of ['fan-out', 'listener']) {
      await bus.subscribe({ types: ['chat.*'], delivery: { mode: 'broadcast' } }, async (event) => void seen.push(`${name} ${event.type}`));
    }

    await eventBus.publish(createEvent('chat.one.v1', {}));

    await eventually(() => expect(seen.sort()).toEqual(['fan-out chat.one.v1', 'listener chat.one.v1']));
    await close();
  });

  it('publishes a socket process event on the modules process bus, and refuses group delivery', async () => {
    const { eventBus, connect, close } = setup();
    const { client } = connect();
    const bus = new IpcEventBus({ ipcPortClient: client, logger: silentLogger });
    const seen: string[] = [];
    await eventBus.subscribe({ types: ['chat.*'], delivery: { mode: 'group', group: 'spec' } }, async (event) => void seen.push(event.type));

    await bus.publish(createEvent('chat.from-socket-process.v1', {}));

    await eventually(() => expect(seen).toEqual(['chat.from-socket-process.v1']));
    await expect(bus.subscribe({ types: ['chat.*'], delivery: { mode: 'group', group: 'spec' } }, async () => undefined)).rejects.toThrow(/broadcast/);
    await close();
  });

  it('carries signals from one socket process to every socket process', async () => {
    const { connect, close } = setup();
    const [first, second] = [connect(), connect()];
    const buses = [first, second].map(({ client }) => new IpcSignalBus({ ipcPortClient: client, logger: silentLogger }));
    const seen: Signal[][] = [[], []];
    await Promise.all(buses.map((bus, index) => bus.subscribe((signal) => void seen[index]?.push(signal))));

    await buses[0]?.publish({ type: 'typing', payload: { userId: 7 } });

    await eventually(() => expect(seen).toEqual([[{ type: 'typing', payload: { userId: 7 } }], [{ type: 'typing', payload: { userId: 7 } }]]));
    await close();
  });

  it("reports the modules process's readiness checks by name", async () => {
    const { connect, close } = setup();
    const { client } = connect();

    expect(await client.call('$readiness', 'names', [])).toEqual(['database', 'broker']);
    await expect(client.call('$readiness', 'probe', ['database'])).resolves.toBeUndefined();
    await expect(client.call('$readiness', 'probe', ['broker'])).rejects.toThrow('down');
    await close();
  });

  it('fails the calls still waiting when the channel to the modules process is gone', async () => {
    const { connect, close } = setup();
    const { client, cut } = connect();
    const pending = client.call('failing', 'context', []);
    cut();
    client.disconnected();

    await expect(pending).rejects.toEqual(expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', kind: 'unavailable' }));
    await expect(client.call('failing', 'context', [])).rejects.toEqual(expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }));
    await close();
  });
});

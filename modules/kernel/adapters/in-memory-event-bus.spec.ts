import { describeEventBusContract } from '@chatterroom/test/contract/ports/event-bus/event-bus.contract';
import { EventRecorder, eventually } from '@chatterroom/test/contract/ports/event-bus/event-recorder';
import { createEvent } from '../integration-event';
import { silentLogger, type Logger } from '../logger.port';
import { InMemoryEventBus } from './in-memory-event-bus';
import { InMemoryEventHub } from './in-memory-event-hub';

describeEventBusContract('InMemoryEventBus', async () => {
  const eventHub = new InMemoryEventHub({ logger: silentLogger });
  const buses = [0, 1].map(() => new InMemoryEventBus({ logger: silentLogger }, eventHub)) as [InMemoryEventBus, InMemoryEventBus];
  return { buses, close: async () => void (await Promise.all(buses.map((bus) => bus.close()))) };
});

describe('InMemoryEventBus', () => {
  it('logs a handler failure, then the dropped event', async () => {
    const logged: string[] = [];
    const logger: Logger = {
      ...silentLogger,
      warn: (_obj, msg) => logged.push(`warn ${msg}`),
      error: (_obj, msg) => logged.push(`error ${msg}`),
    };
    const bus = new InMemoryEventBus({ logger });
    const recorder = new EventRecorder();
    await bus.subscribe({ types: ['spec.*'], delivery: { mode: 'broadcast' } }, recorder.handler('x', () => true));
    await bus.publish(createEvent('spec.failed-twice.v1', {}));

    await eventually(() => expect(logged).toHaveLength(2));
    expect(logged[0]).toMatch(/^warn /);
    expect(logged[1]).toMatch(/^error .*dropped/);
    await bus.close();
  });

  it('rejects an event whose payload is not JSON, as a broker would', async () => {
    const bus = new InMemoryEventBus({ logger: silentLogger });
    await expect(bus.publish(createEvent('spec.bad-payload.v1', { n: BigInt(1) }))).rejects.toThrow();
    await bus.close();
  });

  it('keeps instances without a shared hub apart', async () => {
    const one = new InMemoryEventBus({ logger: silentLogger });
    const other = new InMemoryEventBus({ logger: silentLogger });
    const recorder = new EventRecorder();
    await one.subscribe({ types: ['spec.*'], delivery: { mode: 'broadcast' } }, recorder.handler('one'));
    await other.subscribe({ types: ['spec.*'], delivery: { mode: 'broadcast' } }, recorder.handler('other'));
    const sent = createEvent('spec.apart-happened.v1', {});
    await one.publish(sent);

    await eventually(() => expect(recorder.idsBy('one')).toEqual([sent.id]));
    expect(recorder.idsBy('other')).toEqual([]);
    await Promise.all([one.close(), other.close()]);
  });
});

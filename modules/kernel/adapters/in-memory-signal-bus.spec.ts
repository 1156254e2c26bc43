import { silentLogger } from '../logger.port';
import { InMemorySignalBus } from './in-memory-signal-bus';

describe('InMemorySignalBus', () => {
  it('hands each signal to every subscriber after publish returns, and to none after close', async () => {
    const bus = new InMemorySignalBus({ logger: silentLogger });
    const seen: string[] = [];
    await bus.subscribe((signal) => seen.push(`a:${signal.type}`));
    await bus.subscribe((signal) => seen.push(`b:${signal.type}`));
    await bus.publish({ type: 'typing', payload: {} });
    expect(seen).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['a:typing', 'b:typing']);
    await bus.close();
    await bus.publish({ type: 'later', payload: {} });
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toHaveLength(2);
  });
});

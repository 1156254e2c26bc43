import { asFunction, asValue, createContainer } from 'awilix';
import { BACKGROUND_WORK, disposeContainer } from './dispose-container';

interface Probe {
  readonly log: string[];
  databaseOpen: boolean;
}

const containerWith = (probe: Probe, backgroundWork?: readonly string[]) => {
  const container = createContainer();
  container.register({
    database: asFunction(() => 'db')
      .singleton()
      .disposer(() => {
        probe.databaseOpen = false;
        probe.log.push('database closed');
      }),
    relay: asFunction(() => 'relay')
      .singleton()
      .disposer(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        probe.log.push(probe.databaseOpen ? 'relay finished, database open' : 'relay finished, database closed');
      }),
    ...(backgroundWork === undefined ? {} : { [BACKGROUND_WORK]: asValue(backgroundWork) }),
  });
  container.resolve('database');
  container.resolve('relay');
  return container;
};

describe('disposeContainer', () => {
  it('stops the background work before the infrastructure it uses, then disposes the rest', async () => {
    const probe: Probe = { log: [], databaseOpen: true };
    await disposeContainer(containerWith(probe, ['relay']));
    expect(probe.log).toEqual(['relay finished, database open', 'database closed']);
  });

  it('disposes a container without background work as awilix does (in parallel)', async () => {
    const probe: Probe = { log: [], databaseOpen: true };
    await disposeContainer(containerWith(probe));
    expect(probe.log).toEqual(['database closed', 'relay finished, database closed']);
  });

  it('skips background work that was never resolved, and disposes each singleton once', async () => {
    const probe: Probe = { log: [], databaseOpen: true };
    const container = containerWith(probe, ['relay', 'neverResolved']);
    await disposeContainer(container);
    expect(probe.log.filter((line) => line.startsWith('relay'))).toHaveLength(1);
  });
});

import type { AwilixContainer, DisposableResolver } from 'awilix';

/** The registration naming the singletons that work in the background on the container's infrastructure. */
export const BACKGROUND_WORK = 'backgroundWork';

/**
 * Disposes a container in two stages: first the singletons named by its {@link BACKGROUND_WORK}
 * registration (if it has one and they were resolved), one after the other, so each finishes its
 * current step while the database and broker it uses are still open; then everything else, at once
 * (awilix disposes a container's singletons in parallel, which would close a database under a relay
 * still moving events).
 */
export const disposeContainer = async (container: AwilixContainer): Promise<void> => {
  const names = container.hasRegistration(BACKGROUND_WORK) ? container.resolve<readonly string[]>(BACKGROUND_WORK) : [];
  for (const name of names) {
    const entry = container.cache.get(name);
    if (entry === undefined) continue;
    container.cache.delete(name);
    await (entry.resolver as Partial<DisposableResolver<unknown>>).dispose?.(entry.value);
  }
  await container.dispose();
};

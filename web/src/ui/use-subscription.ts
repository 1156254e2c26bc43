import { useEffect, useState } from 'preact/hooks';

interface Subscribable<T> {
  readonly subscribe: (listener: () => void) => () => void;
  readonly state: T;
}

/** The current state of a store, re-rendering the component whenever it changes. */
export const useStoreState = <T,>(store: Subscribable<T>): T => {
  const [, setVersion] = useState(0);
  useEffect(() => store.subscribe(() => setVersion((version) => version + 1)), [store]);
  return store.state;
};

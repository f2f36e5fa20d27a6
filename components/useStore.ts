/** Re-renders a component whenever a lib/views controller's state changes, and returns that state. */
import { useEffect, useReducer } from 'preact/hooks';
import type { Store } from '../lib/views/store';

const bump = (n: number): number => n + 1;

export function useStore<S extends object>(store: Store<S>): S {
  const [, rerender] = useReducer<number, void>(bump, 0);
  useEffect(() => {
    const off = store.subscribe(() => rerender());
    rerender(); // a change between the first render and this effect
    return off;
  }, [store]);
  return store.get();
}

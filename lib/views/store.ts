/**
 * The smallest observable state holder the pages' controllers share: state replaced (never
 * mutated) on every change, listeners told after each change. components/useStore.ts binds one to
 * a Preact component. Pure.
 */
export class Store<S extends object> {
  private listeners = new Set<() => void>();

  constructor(protected state: S) {}

  get(): S {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  protected set(patch: Partial<S>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }
}

/** Runs `fn` after `ms`; returns the function that cancels it. Injected so tests control time. */
export type Schedule = (fn: () => void, ms: number) => () => void;

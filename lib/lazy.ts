/**
 * A value made on its first use, then kept: for what a module would otherwise build when it is
 * imported (a Unicode-class RegExp, an Intl.Segmenter, a search encoder). The worker evaluates
 * every module of background.js before it answers its first message, and a card read from its
 * file needs none of these (bench/PERFORMANCE.md, cold start).
 */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * One value per key, each made on its first use, then kept: for what is costly to make and asked
 * again with the same few keys (a formatter per language, a name's compiled pattern). Unbounded:
 * only for keys drawn from a small set.
 */
export function lazyBy<T>(make: (key: string) => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}

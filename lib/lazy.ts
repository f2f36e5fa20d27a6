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

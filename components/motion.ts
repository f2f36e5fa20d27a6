/** Scrolling that honours the reader's reduced-motion setting (CSS cannot reach scrollIntoView's `smooth`). */
export function scrollBehavior(): ScrollBehavior {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

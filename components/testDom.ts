/**
 * Renders Preact markup into linkedom's DOM for component tests (imported by tests only): returns
 * the container. linkedom is WXT's own HTML parser, so this adds no dependency.
 */
import { parseHTML } from 'linkedom';
import { render, type VNode } from 'preact';

export function renderToDom(vnode: VNode): HTMLElement {
  const dom = parseHTML('<!doctype html><html><body></body></html>');
  const g = globalThis as Record<string, unknown>;
  const saved: Record<string, unknown> = {};
  for (const k of ['document', 'window', 'Node', 'Element', 'HTMLElement', 'Text', 'SVGElement']) {
    saved[k] = g[k];
    g[k] = (dom as unknown as Record<string, unknown>)[k] ?? dom.window;
  }
  try {
    const root = dom.document.createElement('div') as unknown as HTMLElement;
    dom.document.body.append(root);
    render(vnode, root);
    return root;
  } finally {
    for (const [k, v] of Object.entries(saved)) g[k] = v;
  }
}

/** Every element's `title`: tooltips are not how anything is explained. */
export function titles(root: HTMLElement): string[] {
  return [...root.querySelectorAll('[title]')].map((e) => e.getAttribute('title') ?? '');
}

/**
 * The interface's words in components: a typed translator (lib/i18n/) handed down through a
 * context by each page's main.tsx (platform/i18n.ts loads the chosen locale), English when none is
 * given (unit tests). Components never call the browser's i18n: the options page may choose a
 * language other than the browser's.
 */
import { createContext, h, render, type VNode } from 'preact';
import { useContext } from 'preact/hooks';
import { ENGLISH } from '../lib/i18n/english';
import type { T } from '../lib/i18n/keys';

const I18n = createContext<T>(ENGLISH);

/** The translator of the page this component is drawn in. */
export function useT(): T {
  return useContext(I18n);
}

/** Renders a page's root `app` into #app in the language of `t` (each page's main.tsx, on every change of language). */
export function renderLocalized(t: T, app: VNode): void {
  render(h(I18n.Provider, { value: t }, app), document.getElementById('app')!);
}

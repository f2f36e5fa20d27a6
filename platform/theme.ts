/**
 * The theme setting on an extension page (popup, side panel, reader, options, the card frame):
 * `data-theme="light"|"dark"` on the root element, none for "auto" (the system's scheme).
 * components/theme.css turns it into color-scheme, which every colour follows. Read with the
 * content script's light settings reader: the card frame starts fast.
 */
import type { Theme } from '../lib/settings/settings';
import { onSettingsChanged, readSettings } from './settingsReader';

function apply(root: HTMLElement, theme: Theme): void {
  if (theme === 'auto') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** Applies the theme now and whenever it changes. Returns the function that stops following it. */
export function followTheme(root: HTMLElement = document.documentElement): () => void {
  void readSettings().then((s) => apply(root, s.theme));
  return onSettingsChanged((s) => apply(root, s.theme));
}

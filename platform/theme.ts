/**
 * The theme setting on an extension page (popup, side panel, reader, options, the card frame):
 * `data-theme="light"|"dark"` on the root element, none for "auto" (the system's scheme).
 * components/theme.css turns it into color-scheme, which every colour follows. Read with the
 * content script's light settings reader: the card frame starts fast.
 */
import type { Settings, Theme } from '../lib/settings/settings';
import { onSettingsChanged, readSettings } from './settingsReader';

function apply(root: HTMLElement, theme: Theme): void {
  if (theme === 'auto') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/**
 * Applies the theme `first` gives (by default the stored one; the card frame's comes with its
 * pairing), then whenever it changes. Returns the function that stops following it.
 */
export function followTheme(root: HTMLElement = document.documentElement, first: Promise<Pick<Settings, 'theme'>> = readSettings()): () => void {
  let changed = false; // (a change heard before `first` arrives is the newer)
  void first.then((s) => (changed ? undefined : apply(root, s.theme)));
  return onSettingsChanged((s) => ((changed = true), apply(root, s.theme)));
}

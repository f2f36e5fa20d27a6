/** The card's keyboard shortcut, as the browser has it set, shown where readers look for help. */
import { Fragment } from 'preact';

export function ShortcutHint({ shortcut }: { shortcut: string | null }) {
  if (!shortcut) {
    return (
      <p class="hint muted shortcut-hint">
        No keyboard shortcut is set for opening a card; you can choose one in the browser’s extension shortcuts.
      </p>
    );
  }
  const keys = shortcut.split('+');
  return (
    <p class="hint muted shortcut-hint">
      On a web page, select a place or group (or put the caret on it) and press{' '}
      {keys.map((k, i) => (
        <Fragment key={i}>
          {i > 0 && '+'}
          <kbd>{k}</kbd>
        </Fragment>
      ))}{' '}
      to open its card.
    </p>
  );
}

/** The card's keyboard shortcut, as the browser has it set, shown where readers look for help. */
import { Fragment } from 'preact';
import { useT } from './i18n';

export function ShortcutHint({ shortcut }: { shortcut: string | null }) {
  const t = useT();
  if (!shortcut) {
    return (
      <p class="hint muted shortcut-hint">
        {t('shortcutNone')}
      </p>
    );
  }
  const keys = shortcut.split('+');
  return (
    <p class="hint muted shortcut-hint">
      {t('shortcutBefore')}{' '}
      <bdi dir="ltr">
      {keys.map((k, i) => (
        <Fragment key={i}>
          {i > 0 && '+'}
          <kbd>{k}</kbd>
        </Fragment>
      ))}
      </bdi>{' '}
      {t('shortcutAfter')}
    </p>
  );
}

/**
 * The manifest's keyboard commands with the keys the browser has for them now (the reader may
 * change them in the browser's extension shortcuts), or "not set".
 */
import { Fragment } from 'preact';
import type { MessageKey } from '../lib/i18n/keys';
import { useT } from './i18n';

export interface Command {
  name: string;
  description?: string;
  shortcut?: string;
}

/**
 * Each command's description by message key, in the interface's language (the browser gives the
 * manifest's description in its own language, and none for its built-in commands).
 */
const DESCRIPTION: Record<string, MessageKey> = {
  'open-card': 'cmdOpenCard',
  'toggle-site': 'cmdToggleSite',
  _execute_action: 'cmdSearch',
  _execute_sidebar_action: 'cmdSidePanel',
  'open-side-panel': 'cmdSidePanel',
};

export function ShortcutList({ commands }: { commands: Command[] }) {
  const t = useT();
  if (commands.length === 0) return null;
  return (
    <table class="shortcuts">
      <caption class="visually-hidden">{t('shortcutsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('shortcutsAction')}</th>
          <th scope="col">{t('shortcutsKeys')}</th>
        </tr>
      </thead>
      <tbody>
        {commands.map((c) => (
          <tr key={c.name} data-command={c.name}>
            <td>{DESCRIPTION[c.name] ? t(DESCRIPTION[c.name]!) : c.description || c.name}</td>
            <td>
              {c.shortcut ? (
                <bdi dir="ltr">
                  {c.shortcut.split('+').map((k, i) => (
                    <Fragment key={i}>
                      {i > 0 && '+'}
                      <kbd>{k}</kbd>
                    </Fragment>
                  ))}
                </bdi>
              ) : (
                <span class="muted">{t('shortcutsNotSet')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The manifest's keyboard commands with the keys the browser has for them now (the reader may
 * change them in the browser's extension shortcuts), or "not set".
 */
import { Fragment } from 'preact';

export interface Command {
  name: string;
  description?: string;
  shortcut?: string;
}

/** What the browser's own commands do (their manifest description may be missing). */
const BUILT_IN: Record<string, string> = {
  _execute_action: 'Search the corpus',
  _execute_sidebar_action: 'Open the side panel',
};

export function ShortcutList({ commands }: { commands: Command[] }) {
  if (commands.length === 0) return null;
  return (
    <table class="shortcuts">
      <caption class="visually-hidden">Keyboard shortcuts</caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Keys</th>
        </tr>
      </thead>
      <tbody>
        {commands.map((c) => (
          <tr key={c.name} data-command={c.name}>
            <td>{c.description || BUILT_IN[c.name] || c.name}</td>
            <td>
              {c.shortcut ? (
                c.shortcut.split('+').map((k, i) => (
                  <Fragment key={i}>
                    {i > 0 && '+'}
                    <kbd>{k}</kbd>
                  </Fragment>
                ))
              ) : (
                <span class="muted">not set</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

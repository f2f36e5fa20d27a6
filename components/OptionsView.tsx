/**
 * The options page: on or off everywhere, the kinds of names marked, the theme, underlines, the
 * card delay (its value read with its unit), the keyboard commands with their keys as the browser
 * has them set, and the sites where Counterpoint is off. Settings in, changes out: the page wires
 * it to storage.
 */
import type { ComponentChildren } from 'preact';
import type { Settings } from '../lib/settings/settings';
import { DisplaySettings } from './DisplaySettings';
import { ShortcutHint } from './ShortcutHint';
import { ShortcutList, type Command } from './ShortcutList';
import { useT } from './i18n';

export interface OptionsViewProps {
  settings: Settings;
  defaultDelayMs: number;
  shortcut: string | null;
  /** The manifest's commands with their current keys. */
  commands: Command[];
  searchUrl: string;
  onChange: (patch: Partial<Settings>) => void;
  onTurnSiteOn: (site: string) => void;
  /** More sections (the user's corpus), after the settings. */
  children?: ComponentChildren;
}

export function OptionsView({ settings, defaultDelayMs, shortcut, commands, searchUrl, onChange, onTurnSiteOn, children }: OptionsViewProps) {
  const t = useT();
  const ms = settings.hoverDelayMs;
  return (
    <main class="options">
      <h1 class="brand">
        <img src="/icon/32.png" alt="" width={20} height={20} /> {t('optTitle')}
      </h1>

      <DisplaySettings settings={settings} onChange={onChange} />

      <section class="option">
        <label class="option-row">
          <input type="checkbox" checked={settings.underlines} onChange={(e) => onChange({ underlines: e.currentTarget.checked })} />
          <span>
            <strong>{t('optUnderline')}</strong>
            <span class="muted option-help">{t('optUnderlineHelp')}</span>
          </span>
        </label>
      </section>

      <section class="option">
        <label htmlFor="hover-delay">
          <strong>{t('optDelay')}</strong> <output htmlFor="hover-delay">{t('optMs', ms)}</output>
        </label>
        <input
          id="hover-delay"
          type="range"
          min={0}
          max={1500}
          step={50}
          value={ms}
          aria-valuetext={t('optMsValue', ms)}
          aria-describedby="hover-delay-help"
          onInput={(e) => onChange({ hoverDelayMs: Number(e.currentTarget.value) })}
        />
        <span class="muted option-help" id="hover-delay-help">
          {t('optDelayHelp', defaultDelayMs)}
        </span>
      </section>

      <section class="option" aria-labelledby="keyboard-title">
        <h2 id="keyboard-title">{t('optKeyboard')}</h2>
        <ShortcutList commands={commands} />
        <ShortcutHint shortcut={shortcut} />
        <p class="muted option-help">
          {t('optKeyboardHelp')}
        </p>
      </section>

      <section class="option" aria-labelledby="sites-title">
        <h2 id="sites-title">{t('optSitesOff')}</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">{t('optSitesNone')}</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span dir="ltr">{site}</span>
                <button type="button" class="btn" onClick={() => onTurnSiteOn(site)}>
                  {t('optTurnBackOn')}
                  <span class="visually-hidden">{t('forSite', site)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      {children}

      <p class="muted">
        <a href={searchUrl}>{t('cmdSearch')}</a>
      </p>
    </main>
  );
}

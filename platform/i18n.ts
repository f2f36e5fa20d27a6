/**
 * The interface language on an extension page (popup, side panel, reader, options, the card frame):
 * the language setting (the options' override) or else the browser's, its messages (bundled:
 * public/_locales/*\/messages.json, the same files the browser reads for the manifest), and
 * `lang`/`dir` on the root element, so Arabic lays out right to left. Calls back with a new
 * translator whenever the setting changes, so an open page follows the options at once.
 */
import { browser } from 'wxt/browser';
import ar from '../public/_locales/ar/messages.json';
import en from '../public/_locales/en/messages.json';
import fr from '../public/_locales/fr/messages.json';
import type { MessageKey, T } from '../lib/i18n/keys';
import { makeTranslator, resolveLanguage, type LanguageSetting, type LocaleMessages, type UiLanguage } from '../lib/i18n/translate';
import { onSettingsChanged, readSettings } from './settingsReader';

const MESSAGES: Record<UiLanguage, LocaleMessages> = { en, ar, fr };

/** The browser's own interface language (what `auto` follows). */
function browserLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return navigator.language;
  }
}

function translator(setting: LanguageSetting): T {
  const lang = resolveLanguage(setting, [browserLanguage(), ...navigator.languages]);
  return makeTranslator<MessageKey>(lang, MESSAGES[lang], en);
}

/**
 * Follows the language setting: sets the root's `lang` and `dir` and the page's title (`titleKey`),
 * then calls `render` with the translator, now and on every change of the setting.
 * Returns the function that stops following.
 */
export function followLanguage(render: (t: T) => void, titleKey?: MessageKey, root: HTMLElement = document.documentElement): () => void {
  let current: LanguageSetting | null = null;
  const apply = (setting: LanguageSetting) => {
    if (setting === current) return;
    current = setting;
    const t = translator(setting);
    root.lang = t.lang;
    root.dir = t.dir;
    if (titleKey) document.title = t(titleKey);
    render(t);
  };
  void readSettings().then((s) => apply(s.language));
  return onSettingsChanged((s) => apply(s.language));
}

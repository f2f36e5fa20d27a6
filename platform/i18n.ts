/**
 * The interface language on an extension page (popup, side panel, reader, options, the card frame):
 * the language setting (the options' override) or else the browser's, its messages (bundled:
 * public/_locales/*\/messages.json, the same files the browser reads for the manifest), and
 * `lang`/`dir` on the root element, so Arabic lays out right to left. Calls back with a new
 * translator whenever the setting changes, so an open page follows the options at once.
 *
 * English (the fallback of every other language) is part of the page's script; each other
 * language's messages are a chunk of their own, fetched when chosen: the card frame, loaded on a
 * page's first hover, and every other page parse only the tables they show (the non-English ones
 * were ~55 KB of the ~170 KB script every extension page loads).
 */
import { browser } from 'wxt/browser';
import en from '../public/_locales/en/messages.json';
import type { MessageKey, T } from '../lib/i18n/keys';
import { makeTranslator, resolveLanguage, type LanguageSetting, type LocaleMessages, type UiLanguage } from '../lib/i18n/translate';
import type { Settings } from '../lib/settings/settings';
import { onSettingsChanged, readSettings } from './settingsReader';

const OTHER_MESSAGES: Record<Exclude<UiLanguage, 'en'>, () => Promise<{ default: LocaleMessages }>> = {
  ar: () => import('../public/_locales/ar/messages.json'),
  fr: () => import('../public/_locales/fr/messages.json'),
};

/** The browser's own interface language (what `auto` follows). */
function browserLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return navigator.language;
  }
}

/** The translator of `setting` (English if a language's chunk cannot be read). */
async function translator(setting: LanguageSetting): Promise<T> {
  const lang = resolveLanguage(setting, [browserLanguage(), ...navigator.languages]);
  if (lang === 'en') return makeTranslator<MessageKey>(lang, en);
  const messages = await OTHER_MESSAGES[lang]().then((m) => m.default, () => undefined);
  return messages ? makeTranslator<MessageKey>(lang, messages, en) : makeTranslator<MessageKey>('en', en);
}

/**
 * Follows the language setting: sets the root's `lang` and `dir` and the page's title (`titleKey`),
 * then calls `render` with the translator, first with the setting `first` gives (by default the
 * stored one; the card frame's comes with its pairing), then on every change of the setting.
 * Returns the function that stops following.
 */
export function followLanguage(
  render: (t: T) => void,
  titleKey?: MessageKey,
  root: HTMLElement = document.documentElement,
  first: Promise<Pick<Settings, 'language'>> = readSettings(),
): () => void {
  let current: LanguageSetting | null = null;
  const apply = async (setting: LanguageSetting) => {
    if (setting === current) return;
    current = setting;
    const t = await translator(setting);
    if (current !== setting) return; // changed again meanwhile: the later setting is drawn
    root.lang = t.lang;
    root.dir = t.dir;
    if (titleKey) document.title = t(titleKey);
    render(t);
  };
  let changed = false; // (a change heard before `first` arrives is the newer)
  void first.then((s) => (changed ? undefined : apply(s.language)));
  return onSettingsChanged((s) => ((changed = true), void apply(s.language)));
}

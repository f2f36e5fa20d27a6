/**
 * The options page's switches for where and how Counterpoint shows: on or off everywhere, which
 * kinds of names it marks on pages, and the theme of its own pages and card. Native controls in
 * labelled groups, so they work by keyboard and read well; each name is its visible text.
 */
import type { EntityType } from '../lib/corpus/types';
import type { MessageKey } from '../lib/i18n/keys';
import { LANGUAGE_NAMES, LANGUAGE_SETTINGS } from '../lib/i18n/translate';
import { ENTITY_TYPES, THEMES, type Settings, type Theme } from '../lib/settings/settings';
import { useT } from './i18n';

const TYPE_LABELS: Record<EntityType, MessageKey> = { place: 'typePlace', group: 'typeGroup' };
const THEME_LABELS: Record<Theme, MessageKey> = { auto: 'themeAuto', light: 'themeLight', dark: 'themeDark' };

interface Props {
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
}

export function DisplaySettings({ settings, onChange }: Props) {
  const t = useT();
  const toggleType = (type: EntityType, on: boolean) =>
    onChange({ entityTypes: ENTITY_TYPES.filter((k) => (k === type ? on : settings.entityTypes.includes(k))) });
  return (
    <>
      <section class="option">
        <label class="option-row">
          <input type="checkbox" role="switch" checked={settings.enabled} onChange={(e) => onChange({ enabled: e.currentTarget.checked })} />
          <span>
            <strong>{t(settings.enabled ? 'optOn' : 'optOff')}</strong>
            <span class="muted option-help">
              {t(settings.enabled ? 'optOnHelp' : 'optOffHelp')}
            </span>
          </span>
        </label>
      </section>

      <fieldset class="option option-group">
        <legend>
          <strong>{t('optMark')}</strong>
        </legend>
        {ENTITY_TYPES.map((type) => (
          <label class="option-row" key={type}>
            <input type="checkbox" checked={settings.entityTypes.includes(type)} onChange={(e) => toggleType(type, e.currentTarget.checked)} />
            <span>{t(TYPE_LABELS[type])}</span>
          </label>
        ))}
        <span class="muted option-help">{t('optMarkHelp')}</span>
      </fieldset>

      <fieldset class="option option-group">
        <legend>
          <strong>{t('optTheme')}</strong>
        </legend>
        {THEMES.map((theme) => (
          <label class="option-row" key={theme}>
            <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => onChange({ theme })} />
            <span>{t(THEME_LABELS[theme])}</span>
          </label>
        ))}
        <span class="muted option-help">{t('optAppliesTo')}</span>
      </fieldset>

      <fieldset class="option option-group option-language">
        <legend>
          <strong>{t('optLanguage')}</strong>
        </legend>
        {LANGUAGE_SETTINGS.map((language) => (
          <label class="option-row" key={language}>
            <input type="radio" name="language" value={language} checked={settings.language === language} onChange={() => onChange({ language })} />
            {language === 'auto' ? <span>{t('languageAuto')}</span> : <span lang={language}>{LANGUAGE_NAMES[language]}</span>}
          </label>
        ))}
        <span class="muted option-help">{t('optLanguageHelp')}</span>
      </fieldset>
    </>
  );
}

/**
 * The options page's switches for where and how Counterpoint shows: on or off everywhere, which
 * kinds of names it marks on pages, and the theme of its own pages and card. Native controls in
 * labelled groups, so they work by keyboard and read well; each name is its visible text.
 */
import type { EntityType } from '../lib/corpus/types';
import { ENTITY_TYPES, THEMES, type Settings, type Theme } from '../lib/settings/settings';

const TYPE_LABELS: Record<EntityType, string> = { place: 'Places', group: 'Groups' };
const THEME_LABELS: Record<Theme, string> = { auto: 'As the system', light: 'Light', dark: 'Dark' };

interface Props {
  settings: Settings;
  onChange(patch: Partial<Settings>): void;
}

export function DisplaySettings({ settings, onChange }: Props) {
  const toggleType = (type: EntityType, on: boolean) =>
    onChange({ entityTypes: ENTITY_TYPES.filter((t) => (t === type ? on : settings.entityTypes.includes(t))) });
  return (
    <>
      <section class="option">
        <label class="option-row">
          <input type="checkbox" role="switch" checked={settings.enabled} onChange={(e) => onChange({ enabled: e.currentTarget.checked })} />
          <span>
            <strong>Counterpoint is {settings.enabled ? 'on' : 'off'}</strong>
            <span class="muted option-help">
              {settings.enabled
                ? 'Off does nothing on any page: no underlines, no cards. Search and the side panel still work.'
                : 'Nothing runs on any page until you switch it back on.'}
            </span>
          </span>
        </label>
      </section>

      <fieldset class="option option-group">
        <legend>
          <strong>Mark on pages</strong>
        </legend>
        {ENTITY_TYPES.map((type) => (
          <label class="option-row" key={type}>
            <input type="checkbox" checked={settings.entityTypes.includes(type)} onChange={(e) => toggleType(type, e.currentTarget.checked)} />
            <span>{TYPE_LABELS[type]}</span>
          </label>
        ))}
        <span class="muted option-help">Names of the kinds left out are neither underlined nor open cards.</span>
      </fieldset>

      <fieldset class="option option-group">
        <legend>
          <strong>Theme</strong>
        </legend>
        {THEMES.map((theme) => (
          <label class="option-row" key={theme}>
            <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => onChange({ theme })} />
            <span>{THEME_LABELS[theme]}</span>
          </label>
        ))}
        <span class="muted option-help">For the card, the popup, the side panel, the reader and this page.</span>
      </fieldset>
    </>
  );
}

/**
 * The per-site on/off switch for the page the popup is about (its name is its visible text), and,
 * while Counterpoint is off everywhere, the switch disabled and reading "Off everywhere" with a
 * line that says so and turns it back on. Drawn from lib/views/siteSwitch.ts (siteSwitchView).
 */
import type { SiteSwitchView } from '../lib/views/siteSwitch';
import { useT } from './i18n';

interface Props {
  view: SiteSwitchView;
  onToggle: (enabled: boolean) => void;
  onTurnOn: () => void;
}

export function SiteSwitch({ view, onToggle, onTurnOn }: Props) {
  const t = useT();
  const s = view.switch;
  return (
    <>
      {s ? (
        <label class={`site-switch${s.disabled ? ' site-switch-disabled' : ''}`}>
          <input type="checkbox" role="switch" class="switch" checked={s.checked} disabled={s.disabled} onChange={(e) => onToggle(e.currentTarget.checked)} />
          <span class="site-switch-text">
            {s.state}
            {s.site && (
              <>
                {' '}
                <span class="site-name" dir="ltr">{s.site}</span>
              </>
            )}
          </span>
        </label>
      ) : (
        <p class="site-switch site-switch-none muted">{t('switchNotWeb')}</p>
      )}
      {view.offNotice && (
        <p class="off-notice">
          {view.offNotice.text}{' '}
          <button type="button" class="btn btn-turn-on" onClick={onTurnOn}>
            {view.offNotice.action}
          </button>
        </p>
      )}
    </>
  );
}

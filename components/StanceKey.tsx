/** What the stance labels mean, as a disclosure the keyboard can open (it was a tooltip). */
import { STANCE_ORDER, stanceDescriptionKey } from '../lib/views/stanceLabel';
import { StanceBadge } from './StanceBadge';
import { useT } from './i18n';

export function StanceKey() {
  const t = useT();
  return (
    <details class="stance-key">
      <summary>{t('stanceKeySummary')}</summary>
      <dl class="stance-key-list">
        {STANCE_ORDER.map((s) => (
          <div key={s} class="stance-key-item">
            <dt>
              <StanceBadge stance={s} small />
            </dt>
            <dd>{t(stanceDescriptionKey(s))}</dd>
          </div>
        ))}
      </dl>
      <p class="stance-key-note muted">{t('stanceKeyNote')}</p>
    </details>
  );
}

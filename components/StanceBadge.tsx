/**
 * A stance as a small coloured label. Screen readers hear it as a stance ("Stance: ISIS losing
 * ground", "Overall stance: …"): the word is visually hidden, the label is the visible text. What
 * each stance means is not a tooltip: components/StanceKey.tsx shows it as a disclosure, and
 * callers show a passage's cue words as text.
 */
import { stanceLabelKey } from '../lib/views/stanceLabel';
import type { Stance } from '../lib/corpus/types';
import { useT } from './i18n';

export interface StanceBadgeProps {
  stance: Stance;
  small?: boolean;
  /** The source's overall stance (shown "Overall: …"). */
  overall?: boolean;
  /** Accepted for callers that still pass them; cue words are shown by the caller as text. */
  cues?: readonly string[];
}

export function StanceBadge({ stance, small, overall }: StanceBadgeProps) {
  const t = useT();
  return (
    <span class={`stance stance-${stance}${small ? ' stance-small' : ''}`} data-stance={stance}>
      {/* One flex item beside the dot, so the words wrap as text. */}
      <span class="stance-text">
        {overall ? (
          <>
            {t('stanceOverall')}
            <span class="visually-hidden">{t('stanceOverallHidden')}</span>:{' '}
          </>
        ) : (
          <span class="visually-hidden">{t('stanceHidden')}</span>
        )}
        {t(stanceLabelKey(stance))}
      </span>
    </span>
  );
}

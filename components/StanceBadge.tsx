/**
 * A stance as a small coloured label. Screen readers hear it as a stance ("Stance: ISIS losing
 * ground", "Overall stance: …"): the word is visually hidden, the label is the visible text. What
 * each stance means is not a tooltip: components/StanceKey.tsx shows it as a disclosure, and
 * callers show a passage's cue words as text.
 */
import { STANCE_LABEL } from '../lib/views/stanceLabel';
import type { Stance } from '../lib/corpus/types';

export interface StanceBadgeProps {
  stance: Stance;
  small?: boolean;
  /** The source's overall stance (shown "Overall: …"). */
  overall?: boolean;
  /** Accepted for callers that still pass them; cue words are shown by the caller as text. */
  cues?: readonly string[];
}

export function StanceBadge({ stance, small, overall }: StanceBadgeProps) {
  return (
    <span class={`stance stance-${stance}${small ? ' stance-small' : ''}`} data-stance={stance}>
      {/* One flex item beside the dot, so the words wrap as text. */}
      <span class="stance-text">
        {overall ? (
          <>
            Overall<span class="visually-hidden"> stance</span>:{' '}
          </>
        ) : (
          <span class="visually-hidden">Stance: </span>
        )}
        {STANCE_LABEL[stance]}
      </span>
    </span>
  );
}

/** A stance as a small coloured label, with the meaning of the stance as its tooltip. */
import { STANCE_DESCRIPTION, STANCE_LABEL } from '../lib/views/stanceLabel';
import type { Stance } from '../lib/corpus/types';

export function StanceBadge({ stance, small, prefix, cues }: { stance: Stance; small?: boolean; prefix?: string; cues?: string[] }) {
  const cueText = cues?.length ? ` Cue words: ${cues.join(', ')}.` : '';
  return (
    <span class={`stance stance-${stance}${small ? ' stance-small' : ''}`} title={STANCE_DESCRIPTION[stance] + cueText} data-stance={stance}>
      {prefix}
      {STANCE_LABEL[stance]}
    </span>
  );
}

/**
 * How a framing label (lib/corpus/stance.ts) is named in the UI, for badges on sources and
 * passages. The label says how a text frames the fighting — by gains or by cost — for any war,
 * place or group; it is not about who is right, nor about any one side. Pure.
 */
import type { Stance } from '../corpus/types';

export const STANCE_LABEL: Record<Stance, string> = {
  progress: 'Gains & victory',
  setback: 'Cost & no end',
  neutral: 'No clear framing',
};

export const STANCE_DESCRIPTION: Record<Stance, string> = {
  progress: 'Frames the fighting by its gains: ground taken or retaken, forces defeated or in retreat, places liberated or cleared.',
  setback: 'Frames the fighting by its cost or as unresolved: people killed or displaced, destruction, victory denied, forces still holding out.',
  neutral: 'No cue words either way, or as many on each side.',
};

/** Display order: the two framings first, so the disagreement reads left to right. */
export const STANCE_ORDER: readonly Stance[] = ['progress', 'setback', 'neutral'];

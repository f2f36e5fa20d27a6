/**
 * How a framing label (lib/corpus/stance.ts) is named in the UI, for badges on sources and
 * passages. The label says how a text frames the fighting — by gains or by cost — for any war,
 * place or group; it is not about who is right, nor about any one side. Pure.
 */
import type { Stance } from '../corpus/types';
import { ENGLISH } from '../i18n/english';
import type { MessageKey } from '../i18n/keys';

/** The message keys of a stance's label and description (public/_locales/<lang>/messages.json). */
export const stanceLabelKey = (s: Stance): MessageKey => `stance_${s}`;
export const stanceDescriptionKey = (s: Stance): MessageKey => `stanceDesc_${s}`;

/** In English (tests and plain-text uses); the pages word them in their language through the keys above. */
export const STANCE_LABEL: Record<Stance, string> = {
  progress: ENGLISH(stanceLabelKey('progress')),
  setback: ENGLISH(stanceLabelKey('setback')),
  neutral: ENGLISH(stanceLabelKey('neutral')),
};

export const STANCE_DESCRIPTION: Record<Stance, string> = {
  progress: ENGLISH(stanceDescriptionKey('progress')),
  setback: ENGLISH(stanceDescriptionKey('setback')),
  neutral: ENGLISH(stanceDescriptionKey('neutral')),
};

/** Display order: the two framings first, so the disagreement reads left to right. */
export const STANCE_ORDER: readonly Stance[] = ['progress', 'setback', 'neutral'];

/**
 * How a stance (lib/corpus/stance.ts) is named in the UI, for badges on sources and passages. The
 * stance is about the course of the war against ISIS, not about who is right: 'progress' means
 * the text frames ISIS as losing ground, 'setback' that it frames ISIS as holding on or the war
 * as costly. Pure.
 */
import type { Stance } from '../corpus/types';

export const STANCE_LABEL: Record<Stance, string> = {
  progress: 'ISIS losing ground',
  setback: 'ISIS holding on / cost of war',
  neutral: 'No clear stance',
};

export const STANCE_DESCRIPTION: Record<Stance, string> = {
  progress: 'Frames the war as going well for ISIS’s opponents: defeat, retreat, liberation, lost territory.',
  setback: 'Frames ISIS as not defeated or still in control, or stresses the war’s cost: civilians killed or displaced, destruction.',
  neutral: 'No cue words either way, or as many on each side.',
};

/** Display order: the two sides first, so the disagreement reads left to right. */
export const STANCE_ORDER: readonly Stance[] = ['progress', 'setback', 'neutral'];

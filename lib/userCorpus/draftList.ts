/**
 * The drafts of an import before they are saved, with the rows the options page draws: one
 * reducer, so the drafts and the rows pinned to them change in one step (components/corpus/
 * ImportPanel.tsx carries it out). Pins used to be recomputed by an effect after each render; a
 * "Leave out" clicked before that effect ran had it pin, from the drafts of the render before, a
 * place that now held another draft (an extra row drawn: CI on 2026-12-07).
 *
 * | event          | drafts                                  | shown          | pinned                                      |
 * | -------------- | --------------------------------------- | -------------- | ------------------------------------------- |
 * | add            | appended                                | kept           | + those needing attention beyond the page (up to a page), + the added ones when `pin` (a page or a paste handed over) |
 * | edit           | one draft's metadata replaced           | kept           | kept (a row being fixed does not vanish)    |
 * | leaveOut       | one removed (the last: as clear)        | kept           | its pin dropped, later pins move up one     |
 * | fillPerspective| the drafts without one get it           | kept           | kept                                        |
 * | pin            | kept                                    | kept           | + that draft (named above Save, asked for)  |
 * | showMore       | kept                                    | + a page       | kept                                        |
 * | showAll        | kept                                    | every draft    | kept                                        |
 * | clear          | none (saved or discarded)               | a page         | none                                        |
 */
import { fillMissingPerspective, pinProblems, unpinLeftOut } from './draftReview';
import type { DocumentDraft, DraftMeta } from './types';

/** Rows drawn at first and added by "Show more" (bench: 1,000 editable forms took seconds to render); drafts needing attention are drawn too, up to as many again. */
export const DRAFT_PAGE = 20;

export interface DraftList {
  drafts: readonly DocumentDraft[];
  /** The first `shown` drafts are drawn … */
  shown: number;
  /** … and these, wherever they are in the import. */
  pinned: ReadonlySet<number>;
}

export type DraftEvent =
  | { type: 'add'; drafts: readonly DocumentDraft[]; pin?: boolean }
  | { type: 'edit'; index: number; meta: DraftMeta }
  | { type: 'leaveOut'; index: number }
  | { type: 'fillPerspective'; perspective: string }
  | { type: 'pin'; index: number }
  | { type: 'showMore' }
  | { type: 'showAll' }
  | { type: 'clear' };

export const NO_DRAFTS: DraftList = { drafts: [], shown: DRAFT_PAGE, pinned: new Set() };

export function draftListReducer(state: DraftList, event: DraftEvent): DraftList {
  switch (event.type) {
    case 'add': {
      if (event.drafts.length === 0) return state;
      const drafts = [...state.drafts, ...event.drafts];
      const pinned = pinProblems(drafts, state.pinned, state.shown, DRAFT_PAGE);
      if (event.pin) for (let i = state.drafts.length; i < drafts.length; i++) pinned.add(i);
      return { ...state, drafts, pinned };
    }
    case 'edit':
      return { ...state, drafts: state.drafts.map((d, j) => (j === event.index ? { ...d, meta: event.meta } : d)) };
    case 'leaveOut':
      if (state.drafts.length <= 1) return NO_DRAFTS;
      return { ...state, drafts: state.drafts.filter((_, j) => j !== event.index), pinned: unpinLeftOut(state.pinned, event.index) };
    case 'fillPerspective':
      return { ...state, drafts: fillMissingPerspective(state.drafts, event.perspective) };
    case 'pin':
      return state.pinned.has(event.index) ? state : { ...state, pinned: new Set(state.pinned).add(event.index) };
    case 'showMore':
      return { ...state, shown: state.shown + DRAFT_PAGE };
    case 'showAll':
      return { ...state, shown: state.drafts.length };
    case 'clear':
      return NO_DRAFTS;
  }
}

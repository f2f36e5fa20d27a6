/**
 * Reviewing the drafts of an import before saving (issue 10: "Bad input never loses data"): which
 * drafts need attention and why, in words short enough to list above the Save button; which rows
 * the form shows (a page of them, plus every draft the user must see); the one-step fix for many
 * drafts without a perspective. Pure: the options page (components/corpus/ImportPanel.tsx) only wires.
 *
 * Why a list and pages rather than one form per draft: 1,000 editable forms took seconds to render
 * (bench/measure-import.mjs), so only a page of them is drawn; a draft that cannot be saved as it
 * is must never be one of the hidden ones, or Save stays disabled with nothing to fix in sight.
 */
import { ENGLISH } from '../i18n/english';
import type { MessageKey, T } from '../i18n/keys';
import { draftProblemKeys } from './draft';
import type { DocumentDraft, DraftMeta } from './types';

export type DraftField = Exclude<keyof DraftMeta, 'dateApproximate'>;

/** The fields in the order the form shows them: the first one with a problem is the one to focus. */
const DRAFT_FIELDS: readonly DraftField[] = ['title', 'author', 'outlet', 'date', 'perspective', 'url'];

/**
 * What must change before an imported draft is saved, per field: the store's rules
 * (draftProblems), and a perspective when there is nothing to file it under. Cards and
 * comparisons set documents side by side by perspective; a draft without one is filed under its
 * outlet or, failing that, its author (defaultPerspective), so only a draft with none of the three
 * (a pasted text, a bare .txt) would land under "Your documents", which tells a reader nothing:
 * the import asks for it (one control fills it for every draft without one). A page added from
 * the browser has its site as outlet, so it is never held up.
 */
function importProblemKeys(meta: DraftMeta): Partial<Record<DraftField, MessageKey>> {
  const out: Partial<Record<DraftField, MessageKey>> = draftProblemKeys(meta);
  if (!meta.perspective.trim() && !meta.outlet.trim() && !meta.author.trim()) out.perspective = 'problemPerspective';
  return out;
}

/** importProblemKeys in the language of `t`. */
export function importProblems(meta: DraftMeta, t: T = ENGLISH): Partial<Record<DraftField, string>> {
  return Object.fromEntries(Object.entries(importProblemKeys(meta)).map(([field, key]) => [field, t(key)]));
}

/** The few words naming a problem in the list above Save: "notes-150.md (no perspective)". */
const SHORT: Record<DraftField, MessageKey> = {
  title: 'shortNoTitle',
  author: 'fieldAuthor',
  outlet: 'fieldOutlet',
  date: 'shortDate',
  perspective: 'shortNoPerspective',
  url: 'shortLink',
};

export interface Attention {
  /** The draft's place in the import. */
  index: number;
  fileName: string;
  /** The first field to fix, in the form's order. */
  field: DraftField;
  /** What is wrong, in short words (message keys), in the form's order. */
  reasons: MessageKey[];
}

/** Every draft that cannot be saved as it is, in import order. */
export function needingAttention(drafts: readonly DocumentDraft[]): Attention[] {
  const out: Attention[] = [];
  drafts.forEach((d, index) => {
    const problems = importProblemKeys(d.meta);
    const fields = DRAFT_FIELDS.filter((f) => problems[f]);
    if (fields.length) out.push({ index, fileName: d.fileName, field: fields[0]!, reasons: fields.map((f) => SHORT[f]) });
  });
  return out;
}

/** "3 documents need attention before saving" / "1 document needs …". */
export function attentionHeading(count: number, t: T = ENGLISH): string {
  return t.plural('attentionHeading', count);
}

/** Why Save is disabled, shown beside it ("" when it is not). */
export function saveBlockedReason(busy: boolean, attention: number, t: T = ENGLISH): string {
  if (busy) return t('saving');
  if (attention === 0) return '';
  return t.plural('saveBlocked', attention);
}

/**
 * The drafts drawn as rows, in import order: the first `shown`, and the pinned ones (drafts
 * that needed attention, or that the user asked to see, wherever they are in the import).
 */
export function visibleRows(count: number, shown: number, pinned: ReadonlySet<number>): number[] {
  const rows: number[] = [];
  for (let i = 0; i < Math.min(shown, count); i++) rows.push(i);
  const beyond = [...pinned].filter((i) => i >= shown && i < count).sort((a, b) => a - b);
  return rows.concat(beyond);
}

/**
 * Pins the drafts beyond the first `shown` that need attention, so their rows are drawn, until
 * `cap` rows needing attention (or pinned) are drawn; past that, the list above Save names them
 * and brings each one up on demand (80 drafts without a perspective draw no more rows than 20).
 * Pins stay once set: a row the user is fixing does not vanish when its last problem is fixed.
 */
export function pinProblems(drafts: readonly DocumentDraft[], pinned: ReadonlySet<number>, shown: number, cap: number): Set<number> {
  const out = new Set(pinned);
  const attention = needingAttention(drafts);
  let drawn = attention.filter((a) => a.index < shown).length + out.size;
  for (const a of attention) {
    if (drawn >= cap) break;
    if (a.index >= shown && !out.has(a.index)) {
      out.add(a.index);
      drawn++;
    }
  }
  return out;
}

/** The pins after the draft at `index` is left out: later drafts move up one place. */
export function unpinLeftOut(pinned: ReadonlySet<number>, index: number): Set<number> {
  const out = new Set<number>();
  for (const i of pinned) if (i !== index) out.add(i > index ? i - 1 : i);
  return out;
}

/** How many drafts have no perspective of their own. */
export function countWithoutPerspective(drafts: readonly DocumentDraft[]): number {
  return drafts.reduce((n, d) => n + (d.meta.perspective.trim() ? 0 : 1), 0);
}

/** Every draft without a perspective gets `perspective`; the others are the same objects. */
export function fillMissingPerspective(drafts: readonly DocumentDraft[], perspective: string): DocumentDraft[] {
  const p = perspective.trim();
  if (!p) return [...drafts];
  return drafts.map((d) => (d.meta.perspective.trim() ? d : { ...d, meta: { ...d.meta, perspective: p } }));
}

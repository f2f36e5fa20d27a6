/**
 * The mentions found on this page (after the ambiguity gate): each with a StaticRange over the
 * page's text nodes. Indexed by text node for hit-testing under the pointer. StaticRanges cost the
 * page nothing on its own DOM mutations (live Ranges would be updated on every one); the
 * mutation observer rescans what changed and replaces the records there.
 */

export interface MentionRecord {
  entityId: string;
  /** The alias that matched, as in the gazetteer. */
  alias: string;
  ambiguous: boolean;
  range: StaticRange;
  /** Every text node the mention touches, start to end. */
  nodes: Text[];
  /** Scan generation of those nodes when found (see Scanner). */
  gen: number;
  /**
   * A mention of one of the user's own aliases (Matcher.findLayers' `mine`): never in what the
   * page can read (highlights.ts), underlined where it cannot (privateMarks.ts).
   */
  mine?: true;
  /** A name in a form field's selection (selection.ts): the card is anchored to the field. */
  field?: HTMLTextAreaElement | HTMLInputElement;
}

export interface MentionChange {
  added: readonly MentionRecord[];
  removed: readonly MentionRecord[];
}

export class MentionStore {
  private readonly records = new Set<MentionRecord>();
  private readonly byNode = new Map<Text, MentionRecord[]>();
  private readonly listeners = new Set<(change: MentionChange) => void>();

  get size(): number {
    return this.records.size;
  }

  all(): IterableIterator<MentionRecord> {
    return this.records.values();
  }

  /** Mentions that touch `node`. */
  inNode(node: Text): readonly MentionRecord[] {
    return this.byNode.get(node) ?? [];
  }

  onChange(listener: (change: MentionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  add(records: readonly MentionRecord[]): void {
    if (records.length === 0) return;
    for (const r of records) {
      this.records.add(r);
      for (const n of r.nodes) {
        const list = this.byNode.get(n);
        if (list) list.push(r);
        else this.byNode.set(n, [r]);
      }
    }
    this.emit({ added: records, removed: [] });
  }

  /** Removes every mention for which `drop` says so. */
  removeWhere(drop: (r: MentionRecord) => boolean): MentionRecord[] {
    const removed: MentionRecord[] = [];
    for (const r of this.records) if (drop(r)) removed.push(r);
    if (removed.length === 0) return removed;
    for (const r of removed) {
      this.records.delete(r);
      for (const n of r.nodes) {
        const list = this.byNode.get(n);
        if (!list) continue;
        const rest = list.filter((x) => x !== r);
        if (rest.length) this.byNode.set(n, rest);
        else this.byNode.delete(n);
      }
    }
    this.emit({ added: [], removed });
    return removed;
  }

  clear(): void {
    if (this.records.size === 0) return;
    const removed = [...this.records];
    this.records.clear();
    this.byNode.clear();
    this.emit({ added: [], removed });
  }

  /** Mentions of one entity, in document order. */
  ofEntity(entityId: string): MentionRecord[] {
    const list = [...this.records].filter((r) => r.entityId === entityId && r.nodes[0]!.isConnected);
    return list.sort((a, b) => compareBoundaries(a.range, b.range));
  }

  private emit(change: MentionChange): void {
    for (const l of this.listeners) l(change);
  }
}

export function compareBoundaries(a: StaticRange, b: StaticRange): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const pos = a.startContainer.compareDocumentPosition(b.startContainer);
  return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : pos & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
}

/** A live Range over a mention, for geometry (StaticRange has no getClientRects). */
export function liveRange(r: { range: StaticRange } | StaticRange): Range {
  const s = 'range' in r ? r.range : r;
  const range = document.createRange();
  range.setStart(s.startContainer, s.startOffset);
  range.setEnd(s.endContainer, s.endOffset);
  return range;
}

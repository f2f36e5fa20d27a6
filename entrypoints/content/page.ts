/**
 * One session of Counterpoint on a page (a document: every frame has its own): connects the
 * scanner, the mention store, the highlights, hover tracking, the card and the mutation observer.
 * Wiring only; each concern is in its own file.
 */
import { AmbiguityGate } from '../../lib/text/ambiguity';
import { HoverIntent } from '../../lib/card/hoverIntent';
import { Matcher } from '../../lib/text/matcher';
import { sameMentions, summarizeMentions } from '../../lib/messages/pageMentions';
import type { EntityCard, MatcherData, PageMentions } from '../../lib/messages/protocol';
import { contentScriptMessenger, panelMessenger } from '../../platform/messaging';
import type { Settings } from '../../lib/settings/settings';
import { CardHost } from './cardHost';
import { createHighlights } from './highlights';
import type { Lifetime } from './lifetime';
import { trackHover } from './hover';
import { liveRange, MentionStore, type MentionRecord } from './mentions';
import { observePage } from './observer';
import { Scanner } from './scanner';
import { createWorkQueue } from './schedule';
import { createScope } from './scope';
import { mentionAtSelection } from './selection';

export interface PageSession {
  /** The page's mentions, for the side panel (asking is what makes a page report changes: `StartOptions.watched`). */
  pageMentions(): PageMentions;
  revealMention(entityId: string): boolean;
  openAtSelection(): boolean;
  applySettings(settings: Settings): void;
  dispose(): void;
}

const CLOSE_DELAY_MS = 300;
const NOTIFY_DELAY_MS = 500;
/** A card is prepared (rendered, placed and painted, transparent) this long before its hover delay ends. */
const PREPARE_LEAD_MS = 100;
const noop = () => undefined;

export interface StartOptions {
  /** The top frame reports mentions to the side panel; frames never do. */
  isTop: boolean;
  /**
   * Has a side panel asked this tab for its mentions? Only then are changes sent
   * (`pageMentionsChanged` is a runtime message: it would wake the service worker on every page
   * with a mention, for a panel that is not there).
   */
  watched(): boolean;
}

export function startPage(lifetime: Lifetime, settings: Settings, data: MatcherData, { isTop, watched }: StartOptions): PageSession {
  const scope = createScope(lifetime);
  let matcher: Matcher | undefined;
  const getMatcher = () => (matcher ??= new Matcher(data.patterns));
  const store = new MentionStore();
  const gate = new AmbiguityGate<MentionRecord>();
  const queue = createWorkQueue(scope);
  // Mentions of aliases the user added are private: never in page-readable highlights.
  const privateAliases = new Set(data.patterns.filter((p) => p.user).map((p) => `${p.entityId}\u0000${p.text}`));
  const highlights = createHighlights(store, settings.underlines, (r) => privateAliases.size > 0 && privateAliases.has(`${r.entityId}\u0000${r.alias}`));
  let hoverDelay = settings.hoverDelayMs;

  // ── Card data: one lookup per entity per page, started as soon as the pointer lands ──
  const cards = new Map<string, Promise<EntityCard>>();
  const ready = new Map<string, EntityCard>();
  const lookup = (entityId: string): Promise<EntityCard> => {
    let p = cards.get(entityId);
    if (!p) {
      p = contentScriptMessenger.sendMessage('lookupEntity', { id: entityId });
      cards.set(entityId, p);
      p.then((c) => ready.set(entityId, c), () => cards.delete(entityId));
    }
    return p;
  };

  // ── The card ──
  let openToken = 0;
  let focusNext = false;
  const card = new CardHost({
    onPin: () => {
      if (intent.sticky) intent.unpin();
      else intent.pin();
      card.setPinned(intent.sticky);
    },
    onClose: () => intent.dismiss(),
    onCompare: (entityId) => void contentScriptMessenger.sendMessage('openSidePanel', { entityId }).catch(noop),
    onSearch: (query) => void contentScriptMessenger.sendMessage('openSearch', { query }).catch(noop),
  });
  const isOwnUi = (n: Node) => card.isHost(n);

  // While the hover delay runs, the card is rendered, placed and painted, transparent (CardHost
  // prepare), once its data is in and shortly before the delay ends: opening it is then only a
  // style change. A hover that ends first discards it.
  let pending: MentionRecord | null = null;
  let prepared: MentionRecord | null = null;
  const prepare = (r: MentionRecord) => {
    const known = ready.get(r.entityId);
    if (pending !== r || prepared === r || !known || card.isOpen) return;
    let range: Range;
    try {
      range = liveRange(r);
    } catch {
      return;
    }
    if (card.prepare({ range, point: hover.point() }, { status: 'ready', card: known })) prepared = r;
  };

  const showCard = (r: MentionRecord, sticky: boolean) => {
    const wasPrepared = prepared === r;
    pending = prepared = null;
    if (wasPrepared && !sticky) {
      if (card.reveal()) {
        openToken++;
        highlights.setActive(r.nodes.length > 0 ? r : null);
        return;
      }
      card.discard(); // its text changed since: open afresh below, or not at all
    }
    let range: Range;
    try {
      range = liveRange(r);
    } catch {
      return; // the text changed under the pointer; the rescan will bring a fresh mention
    }
    const token = ++openToken;
    const known = ready.get(r.entityId);
    card.open(
      { range, point: sticky ? undefined : hover.point() },
      known ? { status: 'ready', card: known } : { status: 'loading', label: range.toString().trim() || r.alias },
      { focus: sticky && focusNext, pinned: sticky },
    );
    focusNext = false;
    highlights.setActive(r.nodes.length > 0 ? r : null);
    if (known) return;
    lookup(r.entityId).then(
      (c) => token === openToken && card.update({ status: 'ready', card: c }),
      () =>
        token === openToken &&
        card.update({ status: 'error', label: r.alias, message: 'Counterpoint could not load this card. Reload the page to try again.' }),
    );
  };

  const intent = new HoverIntent<MentionRecord>({
    openDelay: () => hoverDelay,
    closeDelay: CLOSE_DELAY_MS,
    same: (a, b) =>
      a === b ||
      (a.entityId === b.entityId && a.range.startContainer === b.range.startContainer && a.range.startOffset === b.range.startOffset),
    prefetch: (r, openInMs) => {
      pending = r;
      // Prepared shortly before the delay ends, so a pointer that only passes by costs nothing,
      // and in a task of its own (never in the animation frame that noticed the pointer).
      const at = performance.now() + Math.max(0, openInMs - PREPARE_LEAD_MS);
      lookup(r.entityId).then(() => scope.timeout(() => prepare(r), Math.max(0, at - performance.now())), noop);
    },
    cancel: (r) => {
      if (pending === r) pending = null;
      if (prepared === r) {
        prepared = null;
        card.discard();
      }
    },
    open: (r, { sticky }) => showCard(r, sticky),
    close: () => {
      openToken++;
      card.close();
      highlights.setActive(null);
    },
  });
  const hover = trackHover(scope, { store, intent, isCard: (t) => card.isHost(t) });

  // ── Scanning ──
  const scanner = new Scanner({
    matcher: getMatcher,
    store,
    gate,
    isOwnUi,
    requeue: (root) => queue.push(scanner.scanJob(root)),
  });
  let complete = false;
  const scanAll = () => {
    complete = false;
    const root = document.body ?? document.documentElement;
    // Building the matcher is one indivisible piece of work (~10 ms): its own slice in the top
    // frame. Frames (often ads without a word of text) build it only when they have text to match.
    if (isTop) queue.push(() => getMatcher() !== undefined);
    if (root) queue.push(scanner.scanJob(root));
    queue.push(() => (complete = true));
  };

  const reset = () => {
    intent.dismiss();
    queue.clear();
    store.clear();
    gate.reset();
    scanner.reset();
    revealAt.clear();
  };

  observePage(scope, {
    queue,
    isOwnUi,
    purgeDetached: () => store.removeWhere((r) => !r.nodes.every((n) => n.isConnected)),
    rescan: (container) => scanner.scanJob(container),
    onNavigate: () => {
      reset();
      scanAll();
    },
  });

  // ── Keyboard: Esc closes; Alt+Shift+C opens the card at the selection (when the browser
  // leaves the key to the page; otherwise the "open-card" command arrives as a message) ──
  scope.listen(
    window,
    'keydown',
    (e: KeyboardEvent) => {
      // Esc also cancels a card about to open.
      if (e.key === 'Escape' && (card.isOpen || pending !== null)) intent.dismiss();
      else if (e.code === 'KeyC' && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && openAtSelection()) e.preventDefault();
    },
    { capture: true },
  );

  const openAtSelection = (): boolean => {
    const r = mentionAtSelection(store, getMatcher);
    if (!r) return false;
    focusNext = true;
    intent.openNow(r);
    return true;
  };

  // ── The side panel: page mentions, and revealing one ──
  const revealAt = new Map<string, number>();
  let lastSent: PageMentions | undefined;
  let notifyQueued = false;
  const pageMentions = (): PageMentions => ({
    ...summarizeMentions(location.href, [...store.all()].map((r) => r.entityId)),
    complete,
    scanMs: Math.round(queue.totalMs),
    maxSliceMs: Math.round(queue.maxSliceMs * 10) / 10,
  });
  if (isTop) {
    store.onChange(() => {
      if (notifyQueued || !watched()) return;
      notifyQueued = true;
      scope.timeout(() => {
        notifyQueued = false;
        const now = pageMentions();
        if (sameMentions(lastSent, now)) return;
        lastSent = now;
        // A panel that asked may have closed since: then nobody listens, and that error is expected.
        panelMessenger.sendMessage('pageMentionsChanged', now).catch(noop);
      }, NOTIFY_DELAY_MS);
    });
  }

  scanAll();

  return {
    pageMentions,
    revealMention(entityId) {
      const list = store.ofEntity(entityId);
      if (list.length === 0) return false;
      const i = ((revealAt.get(entityId) ?? -1) + 1) % list.length;
      revealAt.set(entityId, i);
      const r = list[i]!;
      // Smooth unless the reader asked for less motion; a hidden tab may run it slowly, never skip it.
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      r.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
      highlights.flash(r);
      return true;
    },
    openAtSelection,
    applySettings(next) {
      hoverDelay = next.hoverDelayMs;
      highlights.setUnderlines(next.underlines);
    },
    dispose() {
      reset();
      highlights.dispose();
      scope.dispose();
    },
  };
}

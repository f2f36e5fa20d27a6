/**
 * One session of Counterpoint on a page (a document: every frame has its own): connects the
 * scanner, the mention store, the highlights (and the reader's own names' marks), hover tracking,
 * the card and the mutation observer.
 * Wiring only; each concern is in its own file.
 */
import { AmbiguityGate } from '../../lib/text/ambiguity';
import { CardController } from '../../lib/card/cardController';
import { Matcher } from '../../lib/text/matcher';
import { sameMentions, summarizeMentions } from '../../lib/messages/pageMentions';
import type { MatcherData, PageMentions } from '../../lib/messages/protocol';
import { cardPageUrl, connectCardHost } from '../../platform/cardChannel';
import { panelClient } from '../../platform/messaging';
import { shownPattern, type Settings } from '../../lib/settings/settings';
import { paintTimers } from '../../lib/card/paintTimer';
import { CardFrame, type CardAnchor } from './cardFrame';
import { frameClock } from './frameClock';
import { createHighlights } from './highlights';
import type { Lifetime } from './lifetime';
import { trackHover } from './hover';
import { liveRange, MentionStore, type MentionRecord } from './mentions';
import { observePage } from './observer';
import { createPrivateMarks } from './privateMarks';
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
const noop = () => undefined;

export interface StartOptions {
  /** The top frame reports mentions to the side panel; frames never do. */
  isTop: boolean;
  /**
   * Has a side panel followed this tab (the `watchMentions` command)? Only then are changes sent
   * (`pageMentionsChanged` is a runtime message: it would wake the service worker on every page
   * with a mention, for a panel that is not there).
   */
  watched(): boolean;
}

export function startPage(lifetime: Lifetime, settings: Settings, data: MatcherData, { isTop, watched }: StartOptions): PageSession {
  const scope = createScope(lifetime);
  let matcher: Matcher | undefined;
  // Read from the automaton prepared for the corpus (MatcherData.automaton): no per-page build.
  const getMatcher = () => (matcher ??= new Matcher(data.patterns, { packed: data.automaton, shown: shownPattern(settings) }));
  const store = new MentionStore();
  const gate = new AmbiguityGate<MentionRecord>();
  const queue = createWorkQueue(scope);
  // Mentions of aliases the user added are private (the scanner reads them apart): never in page-readable highlights…
  const isPrivate = (r: MentionRecord) => r.mine === true;
  const highlights = createHighlights(store, settings.underlines, isPrivate);
  // …their underline is drawn where the page cannot read it (privateMarks.ts).
  const marks = createPrivateMarks(scope, store, { on: settings.underlines, hasNames: data.patterns.some((p) => p.user), isPrivate });
  let hoverDelay = settings.hoverDelayMs;
  // What the card frame draws with, handed over when it pairs (it follows later changes itself).
  let look = { language: settings.language, theme: settings.theme };

  // ── The card: rendered in an extension frame (cardFrame.ts), driven by lib/card/cardController.ts ──
  const cardUrl = cardPageUrl();
  const surface = new CardFrame({
    connect: (on) => connectCardHost(cardUrl, on, () => look),
    pageUrl: cardUrl,
    onPin: () => card.togglePin(),
    onClose: () => card.dismiss(),
    onPointer: (over) => card.framePointer(over),
    onRendered: () => card.rendered(),
    onGone: () => card.frameGone(),
  });
  scope.onDispose(() => surface.dispose());
  const card: CardController<MentionRecord, CardAnchor> = new CardController({
    surface,
    anchor: (r, atPointer) => {
      if (r.field) return { field: r.field };
      try {
        return { range: liveRange(r), point: atPointer ? hover.point() : undefined };
      } catch {
        return null; // the text changed; the rescan will bring a fresh mention
      }
    },
    entity: (r) => ({ id: r.entityId, label: r.alias }),
    same: (a, b) =>
      a === b ||
      (a.entityId === b.entityId && a.range.startContainer === b.range.startContainer && a.range.startOffset === b.range.startOffset),
    setActive: (r) => {
      const shown = r && r.nodes.length > 0 ? r : null;
      highlights.setActive(shown);
      marks.setActive(shown);
    },
    openDelay: () => hoverDelay,
    closeDelay: CLOSE_DELAY_MS,
    atSelection: () => mentionAtSelection(store, getMatcher),
    // The card is revealed in the frame nearest the end of the delay (lib/card/paintTimer.ts).
    timers: paintTimers(frameClock()),
  });
  const isOwnUi = (n: Node) => surface.isHost(n) || marks.isHost(n);
  const hover = trackHover(scope, { store, card, isCard: (t) => surface.isHost(t) });

  // ── Scanning ──
  const scanner = new Scanner({
    matcher: getMatcher,
    store,
    gate,
    isOwnUi,
    requeue: (root: Element) => queue.push(scanner.scanJob(root)),
    onShadowRoot: (root: ShadowRoot) => pageObserver.watch(root),
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
    card.dismiss();
    queue.clear();
    store.clear();
    gate.reset();
    scanner.reset();
    revealAt.clear();
  };

  const pageObserver = observePage(scope, {
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
  scope.listen(window, 'keydown', (e: KeyboardEvent) => card.keyDown(e) && e.preventDefault(), { capture: true });

  // ── The side panel: page mentions, and revealing one ──
  const revealAt = new Map<string, number>();
  let lastSent: PageMentions | undefined;
  let notifyQueued = false;
  const pageMentions = (): PageMentions => ({
    ...summarizeMentions(location.href, [...store.all()].map((r) => r.entityId)),
    title: document.title,
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
        panelClient.pageMentionsChanged(now).catch(noop);
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
    openAtSelection: () => card.openAtSelection(),
    applySettings(next) {
      hoverDelay = next.hoverDelayMs;
      look = { language: next.language, theme: next.theme };
      highlights.setUnderlines(next.underlines);
      marks.setOn(next.underlines);
    },
    dispose() {
      reset();
      highlights.dispose();
      scope.dispose();
    },
  };
}

/**
 * The card page's state: which entity its content script asked for (over the port the two hold,
 * platform/cardChannel.ts), the card's data fetched here from the background (lookupEntity, an
 * extension-page message: the content script never holds corpus text). The frame's box is the
 * content script's, from public facts alone; the card scrolls inside it. Each request is first
 * rendered as its loading state and said to be rendered (`rendered`: the content script reveals
 * the card then), and only after that filled with its data, cached or fetched: neither the box nor
 * the moment of the reveal depends on what the reader's documents add to a card.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CardContent } from '../../components/Card';
import type { FrameToHost, HostToFrame } from '../../lib/messages/cardChannel';
import type { EntityCard } from '../../lib/messages/protocol';
import type { Channel, HostListener } from '../../platform/cardChannel';
import { onCorpusChanged } from '../../platform/corpusVersion';
import { watchTeamFlag } from '../../platform/teamFlag';
import { currentWindowId } from '../../platform/sidePanel';
import { workerClient } from '../../platform/messaging';
import type { TeamAnswer } from '../../lib/messages/team';
import { mergeCard } from '../../lib/team/merge';

export interface FrameView {
  seq: number;
  entityId: string;
  width: number;
  pinned: boolean;
  content: CardContent;
}

const ERROR = 'Counterpoint could not load this card. Reload the page to try again.';

const cardElement = () => document.querySelector<HTMLElement>('.card');

/**
 * The cards this frame has fetched, by entity: the one place they are kept, for the frame's whole
 * life (it outlives worker restarts). A "corpus updated" notice must empty it (`cardCache.clear()`);
 * the next request of each card then fetches it afresh.
 */
const cardCache = new Map<string, EntityCard>();
/**
 * The team server's last answer for each entity (issue 21), emptied with `cardCache`: a card is
 * drawn from the local corpus at once, with this merged in when there is one, and the team is
 * asked again each time; its answer is merged in when it arrives (lib/team/merge.ts).
 */
const teamCache = new Map<string, TeamAnswer<EntityCard>>();
/** Whether a team server is connected (platform/teamFlag.ts); undefined: not known, ask. */
let teamConnected: boolean | undefined;
/** Lookups started when their request arrived (`prefetchCard`), each taken by its request's `load`. */
const inflight = new Map<string, Promise<EntityCard>>();

/**
 * Starts fetching a requested card as soon as the request arrives over the channel (main.tsx;
 * the pairing message carries a page's first request), while this page still reads its settings
 * and draws itself: on a page's first hover the lookup, and the start of a stopped worker, do not
 * wait for the frame's first render. One lookup per request, as before: `load` takes it.
 */
export function prefetchCard(m: HostToFrame): void {
  if (m.t !== 'show' || cardCache.has(m.entityId) || inflight.has(m.entityId)) return;
  const lookup = workerClient.lookupEntity({ id: m.entityId });
  lookup.catch(() => undefined); // (its request's `load` handles the failure)
  inflight.set(m.entityId, lookup);
}

export function useCardFrame(host: HostListener) {
  const [view, setView] = useState<FrameView | null>(null);
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  const channel = useRef<Channel<FrameToHost> | null>(null);
  const cache = cardCache;
  const seqRef = useRef(0);
  // Cards of an older corpus version are not shown again (platform/corpusVersion.ts).
  useEffect(() => onCorpusChanged(() => (cache.clear(), teamCache.clear(), inflight.clear())), [cache]);
  // A connect or disconnect: the team's answers of before are dropped with it.
  useEffect(() => watchTeamFlag((connected) => ((teamConnected = connected), teamCache.clear())), []);
  const fill = useRef<() => void>(() => undefined);

  // Attached as the page is first drawn, not after its first paint (Preact runs a useEffect only
  // after the next frame and a timer): a page's first request waits for no frame of this page.
  useLayoutEffect(() => {
    const show = (m: Extract<HostToFrame, { t: 'show' }>) => {
      seqRef.current = m.seq;
      setView({ seq: m.seq, entityId: m.entityId, width: m.width, pinned: m.pinned, content: { status: 'loading', label: m.label } });
      const known = cache.get(m.entityId);
      // A cached card is drawn once this request's loading state is rendered and said to be (below).
      if (known) fill.current = () => (ready(m, known), addTeam(m, known));
      else load(m);
    };
    /** The local card, with the team's last answer for it when there is one. */
    const ready = (m: Extract<HostToFrame, { t: 'show' }>, card: EntityCard) => {
      const team = teamCache.get(m.entityId);
      if (seqRef.current === m.seq) setView((v) => v && { ...v, content: { status: 'ready', card: team ? mergeCard(card, team) : card } });
    };
    /** Asks the team server (through the worker; not at all when none is connected) and merges its answer when it comes. */
    const addTeam = (m: Extract<HostToFrame, { t: 'show' }>, card: EntityCard) => {
      if (teamConnected === false) return;
      workerClient.teamLookup({ id: m.entityId }).then(
        (answer) => {
          if (answer.state === 'off') return void ((teamConnected = false), teamCache.delete(m.entityId));
          // A team that does not answer now keeps its last answer out of the card: the card says it is unreachable.
          teamCache.set(m.entityId, answer);
          ready(m, card);
        },
        () => undefined,
      );
    };
    const load = (m: Extract<HostToFrame, { t: 'show' }>) => {
      const started = inflight.get(m.entityId);
      inflight.delete(m.entityId);
      (started ?? workerClient.lookupEntity({ id: m.entityId })).then(
        (card) => {
          cache.set(m.entityId, card);
          ready(m, card);
          addTeam(m, card);
        },
        () => seqRef.current === m.seq && setView((v) => v && { ...v, content: { status: 'error', label: m.label, message: ERROR } }),
      );
    };
    const c = host.attach((m) => {
      if (m.t === 'show') show(m);
      else if (m.t === 'pinned') setView((v) => v && { ...v, pinned: m.pinned });
      else cardElement()?.focus({ preventScroll: true });
    });
    channel.current = c;
    // The window for "Compare sources" (the side panel opens in the click's own task).
    void currentWindowId().then(setWindowId);
    return () => c.close();
  }, [host]);

  // What the reader scrolled (the card's body) since the last card: only that is reset, since a
  // reset forces a layout, which would otherwise come before "rendered" on every request.
  const scrolled = useRef<Element | null>(null);
  useEffect(() => {
    const onScroll = (e: Event) => {
      if (e.target instanceof Element && e.target.scrollTop > 0) scrolled.current = e.target;
    };
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => document.removeEventListener('scroll', onScroll, { capture: true });
  }, []);

  // A request's loading state is rendered: say so, then fill it (in the same task when cached, so
  // before the next paint). A new card starts at its top.
  useLayoutEffect(() => {
    if (!view) return;
    channel.current?.send({ t: 'rendered', seq: view.seq });
    scrolled.current?.scrollTo(0, 0);
    scrolled.current = null;
    const next = fill.current;
    fill.current = () => undefined;
    next();
  }, [view?.seq]);

  const send = (m: FrameToHost) => channel.current?.send(m);
  return { view, windowId, send };
}

/**
 * The card page's state: which entity its content script asked for (over the card channel,
 * platform/cardChannel.ts), the card's data fetched here from the background (lookupEntity, an
 * extension-page message: the content script never holds corpus text), and the card's natural
 * size reported back after every render so the content script can size and place the frame.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CardContent } from '../../components/Card';
import type { FrameToHost, HostToFrame } from '../../lib/messages/cardChannel';
import type { EntityCard } from '../../lib/messages/protocol';
import { connectCardFrame, type Channel } from '../../platform/cardChannel';
import { onCorpusChanged } from '../../platform/corpusVersion';
import { pageMessenger } from '../../platform/messaging';

export interface FrameView {
  seq: number;
  entityId: string;
  width: number;
  pinned: boolean;
  content: CardContent;
}

const ERROR = 'Counterpoint could not load this card. Reload the page to try again.';

const cardElement = () => document.querySelector<HTMLElement>('.card');

export function useCardFrame(token: string) {
  const [view, setView] = useState<FrameView | null>(null);
  const [where, setWhere] = useState<{ tabId: number; windowId?: number } | null>(null);
  const channel = useRef<Channel<FrameToHost> | null>(null);
  const cache = useMemo(() => new Map<string, EntityCard>(), []);
  const seqRef = useRef(0);
  // Cards of an older corpus version are not shown again (platform/corpusVersion.ts).
  useEffect(() => onCorpusChanged(() => cache.clear()), [cache]);

  useEffect(() => {
    const show = (m: Extract<HostToFrame, { t: 'show' }>) => {
      seqRef.current = m.seq;
      const known = cache.get(m.entityId);
      const content: CardContent = known ? { status: 'ready', card: known } : { status: 'loading', label: m.label };
      setView({ seq: m.seq, entityId: m.entityId, width: m.width, pinned: m.pinned, content });
      if (known) return;
      pageMessenger.sendMessage('lookupEntity', { id: m.entityId }).then(
        (card) => {
          cache.set(m.entityId, card);
          if (seqRef.current === m.seq) setView((v) => v && { ...v, content: { status: 'ready', card } });
        },
        () => seqRef.current === m.seq && setView((v) => v && { ...v, content: { status: 'error', label: m.label, message: ERROR } }),
      );
    };
    const c = connectCardFrame(token, {
      paired: setWhere,
      message: (m) => {
        if (m.t === 'show') show(m);
        else if (m.t === 'pinned') setView((v) => v && { ...v, pinned: m.pinned });
        else cardElement()?.focus({ preventScroll: true });
      },
      // Orphaned (the content script or the worker went): nothing here can be shown again.
      gone: () => setView(null),
    });
    channel.current = c;
    return () => c.close();
  }, [token]);

  // After every render of a request: the card's natural size, for the content script to place it.
  useLayoutEffect(() => {
    const card = cardElement();
    if (!view || !card) return;
    let height = card.offsetHeight - card.clientHeight; // borders
    for (const child of card.children) {
      const el = child as HTMLElement;
      height += el.classList.contains('body') ? el.scrollHeight : el.offsetHeight;
    }
    channel.current?.send({ t: 'size', seq: view.seq, status: view.content.status, width: view.width, height: Math.ceil(height) });
  }, [view?.seq, view?.content, view?.width]);

  // A new card starts at its top.
  useLayoutEffect(() => {
    cardElement()?.querySelector('.body')?.scrollTo(0, 0);
  }, [view?.seq]);

  const send = (m: FrameToHost) => channel.current?.send(m);
  return { view, where, send };
}

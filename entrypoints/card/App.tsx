/**
 * The card page, in a frame of the web page: renders the card its content script names, fetched
 * here (useCardFrame.ts). Its own keys and pointer are the user's: a web page cannot dispatch
 * events into an extension frame. "Compare sources" and "Search corpus" open the side panel and
 * the search from the click itself, before any await (both need the user's gesture).
 */
import { useEffect } from 'preact/hooks';
import { Card } from '../../components/Card';
import { openComparison, openSearch } from '../../platform/sidePanel';
import type { HostListener } from '../../platform/cardChannel';
import { useCardFrame } from './useCardFrame';

export function App({ host }: { host: HostListener }) {
  const { view, windowId, send } = useCardFrame(host);

  useEffect(() => {
    const root = document.documentElement;
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !e.isTrusted) return;
      e.preventDefault();
      send({ t: 'close' });
    };
    const enter = () => send({ t: 'pointer', over: true });
    const leave = () => send({ t: 'pointer', over: false });
    document.addEventListener('keydown', key);
    root.addEventListener('pointerenter', enter);
    root.addEventListener('pointerleave', leave);
    return () => {
      document.removeEventListener('keydown', key);
      root.removeEventListener('pointerenter', enter);
      root.removeEventListener('pointerleave', leave);
    };
  }, []);

  if (!view) return null;
  return (
    <div style={{ width: `${view.width}px` }}>
      <Card
        content={view.content}
        pinned={view.pinned}
        headingId="counterpoint-card-name"
        onPin={() => send({ t: 'pin' })}
        onClose={() => send({ t: 'close' })}
        // Side panel (Chromium) or sidebar (Firefox), opened in the click's own task; the entity is
        // handed over through the one hand-off channel (platform/handoff.ts).
        onCompare={(entityId) => void openComparison(entityId, windowId)}
        onSearch={(query) => void openSearch(query)}
      />
    </div>
  );
}

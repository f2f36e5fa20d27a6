/**
 * The popup: search the corpus as you type, with filters and entity chips; the on/off switch for
 * the current site; a way to the side panel. Also runs as a full tab (the fallback of the card's
 * "Search corpus"). Wiring only: the state machine is lib/views/popupController.ts, the page
 * components/PopupView.tsx, the browser edge platform/extensionPages.ts (popupPorts).
 *
 * `?tab=ID` points it at a tab (tests), `?layout=popup` keeps the toolbar layout in a tab
 * (screenshots), `#q=` is the page's own address for the query (kept as it changes, so a reload
 * keeps it); a query handed over (platform/handoff.ts) replaces it.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { PopupView } from '../../components/PopupView';
import { parsePopupLocation } from '../../lib/messages/pageUrls';
import { PopupController } from '../../lib/views/popupController';
import { popupPorts } from '../../platform/extensionPages';

export function App() {
  const where = useMemo(() => parsePopupLocation(location.search, location.hash), []);
  const popup = useMemo(() => new PopupController(popupPorts(where.tabId)), []);
  useEffect(() => popup.start({ query: where.query, forcePopupLayout: where.layout === 'popup' }), [popup]);
  return <PopupView popup={popup} />;
}

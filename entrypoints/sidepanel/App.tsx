/**
 * The side panel (Chrome) / sidebar (Firefox): the corpus places and groups on the active tab, and
 * a comparison of what every source says about one of them. Wiring only: the state machine is
 * lib/views/panelController.ts, the page components/PanelView.tsx, the browser edge
 * platform/extensionPages.ts (panelPorts).
 *
 * Which tab: `?tab=ID` when given (tests open the panel page in a tab), else the active tab of the
 * panel's window. Which entity: the page's own address (`#entity=ID`, kept as it changes, so a
 * reload shows it again), then whatever is handed over (platform/handoff.ts) or picked here.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { PanelView } from '../../components/PanelView';
import { parsePanelLocation } from '../../lib/messages/pageUrls';
import { PanelController } from '../../lib/views/panelController';
import { findEntities, openReader, panelPorts } from '../../platform/extensionPages';

export function App() {
  const where = useMemo(() => parsePanelLocation(location.search, location.hash), []);
  const panel = useMemo(() => new PanelController(panelPorts(where.tabId)), []);
  useEffect(() => panel.start(where.entityId), [panel]);
  return <PanelView panel={panel} findEntities={findEntities} onOpenPassage={(p, origin) => void openReader(p.docId, p.id, !!origin)} />;
}

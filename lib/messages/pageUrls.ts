/**
 * The addresses of the extension's own pages and what their query and hash carry. Pure: the
 * pages pass in `location.search` / `location.hash` and prefix `browser.runtime.getURL(...)`.
 *
 *   reader.html#doc=DOC_ID&passage=PASSAGE_ID   a whole document, scrolled to one passage (&team=1: the team server's)
 *   sidepanel.html?tab=ID#entity=ENTITY_ID      the panel pointed at a tab (tests) and an entity
 *   popup.html?tab=ID#q=QUERY                   the search on a query (full-tab fallback)
 *   popup.html?layout=popup                     the popup's own layout even in a tab (screenshots)
 */

export interface ReaderTarget {
  docId: string;
  passageId?: number;
  /** The document is the team server's (`&team=1`). */
  team?: true;
}

export function readerHash(docId: string, passageId?: number, team?: boolean): string {
  const params = new URLSearchParams({ doc: docId });
  if (passageId !== undefined) params.set('passage', String(passageId));
  if (team) params.set('team', '1');
  return `#${params.toString()}`;
}

function nonNegativeInt(value: string | null): number | undefined {
  if (value === null || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}

function hashParams(hash: string): URLSearchParams {
  return new URLSearchParams(hash.replace(/^#/, ''));
}

export function parseReaderHash(hash: string): ReaderTarget | null {
  const params = hashParams(hash);
  const docId = params.get('doc')?.trim();
  if (!docId) return null;
  const passageId = nonNegativeInt(params.get('passage'));
  return { docId, ...(passageId === undefined ? {} : { passageId }), ...(params.get('team') === '1' ? { team: true as const } : {}) };
}

export interface PanelLocation {
  /** The tab to show, when the page was opened pointed at one; else the active tab. */
  tabId?: number;
  entityId?: string;
}

export function entityHash(entityId: string): string {
  return `#${new URLSearchParams({ entity: entityId }).toString()}`;
}

export function parsePanelLocation(search: string, hash: string): PanelLocation {
  const tabId = nonNegativeInt(new URLSearchParams(search).get('tab'));
  const entityId = hashParams(hash).get('entity')?.trim() || undefined;
  return { ...(tabId !== undefined && { tabId }), ...(entityId && { entityId }) };
}

export interface PopupLocation {
  tabId?: number;
  query?: string;
  /** Forces the toolbar-popup layout (`?layout=popup`); otherwise the page detects where it runs. */
  layout?: 'popup';
}

export function queryHash(query: string): string {
  return query ? `#${new URLSearchParams({ q: query }).toString()}` : '';
}

export function parsePopupLocation(search: string, hash: string): PopupLocation {
  const params = new URLSearchParams(search);
  const tabId = nonNegativeInt(params.get('tab'));
  const query = hashParams(hash).get('q') ?? undefined;
  const layout = params.get('layout') === 'popup' ? ('popup' as const) : undefined;
  return { ...(tabId !== undefined && { tabId }), ...(query && { query }), ...(layout && { layout }) };
}

/** The host name Counterpoint's per-site switch applies to, for web pages only. */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname ? u.hostname : null;
  } catch {
    return null;
  }
}

/**
 * The side panel's page, drawn from lib/views/panelController.ts: "On this page" (the tab's places
 * and groups), the entity picker, and the comparison. When the reader picks an entity here, the
 * comparison scrolls into view (smoothly unless reduced motion is asked for) and its heading takes
 * the focus, so the keyboard continues into the columns.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { EntitySummary } from '../lib/messages/protocol';
import type { PanelController } from '../lib/views/panelController';
import { pageEntityRows } from '../lib/views/pageMentionsView';
import type { Passage } from '../lib/corpus/types';
import { Comparison } from './Comparison';
import { EntityPicker } from './EntityPicker';
import { scrollBehavior } from './motion';
import { PageEntities } from './PageEntities';
import { useStore } from './useStore';
import { useT } from './i18n';

export interface PanelViewProps {
  panel: PanelController;
  findEntities: (text: string) => Promise<EntitySummary[]>;
  onOpenPassage: (passage: Passage, origin?: string) => void;
}

export function PanelView({ panel, findEntities, onOpenPassage }: PanelViewProps) {
  const t = useT();
  const { entities, tab, page, focusId, comparison, compareError, revealMiss, picks } = useStore(panel);
  const byId = useMemo(() => new Map(entities.map((e) => [e.id, e])), [entities]);
  const rows = useMemo(() => (page.status === 'ready' ? pageEntityRows(page.mentions, byId) : []), [page, byId]);
  const comparisonRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);

  useEffect(() => void (picks > 0 && (focusPending.current = true)), [picks]);
  useEffect(() => {
    if (!focusPending.current || (comparison?.entity.id !== focusId && !compareError)) return;
    focusPending.current = false;
    comparisonRef.current?.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
    (comparisonRef.current?.querySelector<HTMLElement>('#comparison-title, .panel-error') ?? comparisonRef.current)?.focus({ preventScroll: true });
  }, [comparison, compareError, picks]);

  return (
    <div class="panel">
      <header class="panel-header">
        <h1 class="brand">
          <img src="/icon/32.png" alt="" width={18} height={18} />
          Counterpoint
        </h1>
      </header>
      <main>
        <section class="panel-section on-page" aria-labelledby="on-page-title">
          <h2 id="on-page-title" class="section-title">
            {t('panelOnPage')}
          </h2>
          {tab?.title && page.status !== 'not-web' && <p class="section-sub" dir="auto">
              {tab.title}
            </p>}
          {page.status === 'loading' && <p class="muted">{t('panelReading')}</p>}
          {page.status === 'not-web' && <p class="muted">{t('panelNotWeb')}</p>}
          {page.status === 'unavailable' && (
            <p class="muted">{t('panelUnavailable')}</p>
          )}
          {page.status === 'off' && (
            <p class="muted">
              {t('panelOffFor')} <strong dir="ltr">{page.site}</strong>.{' '}
              <button type="button" class="btn-link" onClick={() => panel.turnSiteOn(page.site)}>
                {t('panelTurnOn')}
                <span class="visually-hidden">{t('forSite', page.site)}</span>
              </button>
            </p>
          )}
          {page.status === 'ready' && <PageEntities rows={rows} selectedId={focusId} onPick={(row) => panel.pickRow(row)} />}
          {revealMiss && (
            <p class="muted reveal-miss" role="status">
              {t('panelRevealMiss', revealMiss)}
            </p>
          )}
        </section>

        <section class="panel-section" aria-labelledby="entity-picker-label">
          <EntityPicker entities={entities} findEntities={findEntities} onPick={(e) => panel.pick(e.id)} />
        </section>

        <div ref={comparisonRef} class="panel-comparison">
          {compareError && (
            <p class="panel-error" role="alert" tabIndex={-1}>
              {compareError}
            </p>
          )}
          {comparison && !compareError && <Comparison view={comparison} onOpenPassage={onOpenPassage} />}
          {!comparison && !compareError && (
            <p class="panel-hint muted">
              {t('panelHint')}
            </p>
          )}
        </div>
      </main>
    </div>
  );
}

/**
 * Compare sources on one entity: the disagreement in one line and a strip of sources coloured by
 * stance, then one column per source (title, author/outlet, date, perspective, overall stance,
 * every passage about the entity with its mentions emphasised), then the silent sources.
 * Columns stack when the panel is narrow (CSS grid auto-fit).
 */
import { kindName } from '../lib/card/cardText';
import { summarize, type ColumnView, type ComparisonView } from '../lib/views/comparisonView';
import { STANCE_ORDER, stanceLabelKey } from '../lib/views/stanceLabel';
import type { Passage } from '../lib/corpus/types';
import { voiceText } from '../lib/card/cardText';
import { Highlighted } from './Highlighted';
import { SourceLabel } from './SourceLabel';
import { StanceBadge } from './StanceBadge';
import { StanceKey } from './StanceKey';
import { useT } from './i18n';

export interface ComparisonProps {
  view: ComparisonView;
  /** `origin`: the team whose server holds the passage's document (absent: the local corpus). */
  onOpenPassage: (passage: Passage, origin?: string) => void;
}

/** A column's key and id: a document filed locally and to the team has one source id in both. */
const columnKey = (c: ColumnView) => (c.origin ? `team-${c.source.id}` : c.source.id);

export function Comparison({ view, onOpenPassage }: ComparisonProps) {
  const t = useT();
  const { entity } = view;
  return (
    <section class="comparison" aria-labelledby="comparison-title" data-entity={entity.id}>
      <header class="comparison-head">
        <h2 id="comparison-title" class="comparison-title" tabIndex={-1}>
          <bdi>{entity.name}</bdi> <bdi class="comparison-kind">{kindName(entity.kind, t)}</bdi>
        </h2>
        {entity.description && <p class="comparison-description" dir="auto">
            {entity.description}
          </p>}
        <p class="comparison-summary" role="status" aria-live="polite" data-disagreement={view.disagreement}>
          {summarize(entity, view.tally, view.silent.length, t)}
        </p>
        {view.columns.length > 0 && (
          <div class="stance-strip" aria-hidden="true">
            {view.columns.map((c) => (
              <span key={columnKey(c)} class={`stance-strip-cell stance-bg-${c.stance}`} title={`${c.source.title}: ${t(stanceLabelKey(c.stance))}`} />
            ))}
            {view.silent.map((s) => (
              <span key={s.id} class="stance-strip-cell stance-bg-silent" title={t('compareSilentTitle', s.title)} />
            ))}
          </div>
        )}
        {view.columns.length > 0 && (
          <ul class="stance-legend" aria-label={t('compareStanceKey')}>
            {STANCE_ORDER.filter((s) => view.tally[s] > 0).map((s) => (
              <li key={s}>
                <StanceBadge stance={s} small /> <span class="muted">{view.tally[s]}</span>
              </li>
            ))}
            {view.silent.length > 0 && (
              <li>
                <span class="stance stance-small stance-silent">{t('compareSilent')}</span> <span class="muted">{t.number(view.silent.length)}</span>
              </li>
            )}
          </ul>
        )}
        {view.team?.unreachable && (
          <p class="status team-note" role="status">
            {t('teamUnreachable', view.team.name)}
          </p>
        )}
        {view.columns.length > 0 && <StanceKey />}
      </header>

      <div class="columns">
        {view.columns.map((c) => {
          const titleId = `col-title-${columnKey(c)}`;
          return (
            <article key={columnKey(c)} class={`column column-${c.stance}`} aria-labelledby={titleId} data-source={c.source.id}>
              <header class="column-head">
                <SourceLabel source={c.source} titleAs="h3" titleId={titleId} notes origin={c.origin} />
                <p class="column-stance">
                  <StanceBadge stance={c.stance} overall />
                  <span class="muted column-count">
                    {t.plural('passages', c.passages.length)}
                  </span>
                </p>
              </header>
              <ol class="column-passages">
                {c.passages.map(({ passage, mentionRanges, voice }) => (
                  <li key={passage.id} class="column-passage" data-passage={passage.id}>
                    <blockquote class="passage-text" dir="auto">
                      <Highlighted text={passage.text} ranges={mentionRanges} />
                    </blockquote>
                    {voice.kind !== 'author' && <p class="passage-voice muted">
                        {voiceText(voice, t)}
                      </p>}
                    <div class="passage-foot">
                      <StanceBadge stance={passage.stance} small />
                      {passage.stanceCues.length > 0 && (
                        <span class="passage-cues muted">
                          <span class="visually-hidden">{t('cueWords')}</span>
                          <bdi>{t('quoted', passage.stanceCues.join(t('listSep')))}</bdi>
                        </span>
                      )}
                      <button type="button" class="btn-link passage-open" onClick={() => onOpenPassage(passage, c.origin)}>
                        {t('readInContext')}
                        <span class="visually-hidden">: {c.source.title}</span>
                      </button>
                    </div>
                  </li>
                ))}
              </ol>
            </article>
          );
        })}
      </div>

      {view.silent.length > 0 && (
        <section class="silent" aria-labelledby="silent-title">
          <h3 id="silent-title" class="silent-title">
            {t('silentOn', entity.name)} <span class="muted">({t.number(view.silent.length)})</span>
          </h3>
          <ul class="silent-list">
            {view.silent.map((s) => (
              <li key={s.id} data-source={s.id}>
                <SourceLabel source={s} notes />
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

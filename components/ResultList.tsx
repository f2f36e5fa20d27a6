/**
 * Search results grouped by document: a listbox whose options are passages, each group headed
 * by its source. The active option is driven from the search box (aria-activedescendant).
 */
import { useEffect } from 'preact/hooks';
import { clipAround } from '../lib/text/emphasis';
import type { SearchHit } from '../lib/messages/protocol';
import { hitKey, type HitGroup } from '../lib/views/searchView';
import { Highlighted } from './Highlighted';
import { SourceLabel } from './SourceLabel';
import { StanceBadge } from './StanceBadge';
import { useT } from './i18n';

export function resultOptionId(hit: SearchHit): string {
  // Team hits' passage ids are the server's, and may equal a local one.
  return hit.origin ? `result-team-${hit.passage.id}` : `result-${hit.passage.id}`;
}

export interface ResultListProps {
  id: string;
  groups: HitGroup[];
  activeKey: string | null;
  onOpen: (hit: SearchHit) => void;
  onHover?: (hit: SearchHit) => void;
}

export function ResultList({ id, groups, activeKey, onOpen, onHover }: ResultListProps) {
  const t = useT();
  useEffect(() => {
    if (!activeKey) return;
    const hit = groups.flatMap((g) => g.hits).find((h) => hitKey(h) === activeKey);
    if (hit) document.getElementById(resultOptionId(hit))?.scrollIntoView({ block: 'nearest' });
  }, [activeKey, groups]);

  return (
    <div id={id} role="listbox" aria-label={t('resultsLabel')} class="results">
      {groups.map((g) => {
        const headId = `group-${g.source.id}`;
        return (
          <div key={g.source.id} role="group" aria-labelledby={headId} class="result-group" data-doc={g.source.id}>
            <div class="result-group-head" id={headId}>
              <SourceLabel source={g.source} origin={g.hits[0]?.origin} />
            </div>
            {g.hits.map((hit) => {
              const clip = clipAround(hit.passage.text, hit.highlights);
              const key = hitKey(hit);
              const active = key === activeKey;
              return (
                <div
                  key={key}
                  id={resultOptionId(hit)}
                  role="option"
                  aria-selected={active}
                  class={`result${active ? ' is-active' : ''}`}
                  data-passage={hit.passage.id}
                  data-doc={hit.passage.docId}
                  onClick={() => onOpen(hit)}
                  onMouseMove={onHover && !active ? () => onHover(hit) : undefined}
                >
                  <p class="result-text" dir="auto">
                    <Highlighted text={clip.text} ranges={clip.ranges} />
                  </p>
                  {hit.passage.stance !== 'neutral' && <StanceBadge stance={hit.passage.stance} small />}
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}

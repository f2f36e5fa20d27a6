/**
 * The hover card: what the corpus says about one place or group, and where its sources disagree.
 * Rendered by the card page (entrypoints/card/), an extension page in a frame of the web page,
 * styled by components/theme.css and components/card.css. Every corpus string goes in as text.
 */
import { alsoMentionedText, coverageText, entityRanges, EXCERPT_CHARS, kindText, VIEWPOINT_CHARS, voiceText } from '../lib/card/cardText';
import { clipAround } from '../lib/text/emphasis';
import type { EntityCard, Excerpt } from '../lib/messages/protocol';
import type { T } from '../lib/i18n/keys';
import { Highlighted } from './Highlighted';
import { useT } from './i18n';
import { SourceLabel } from './SourceLabel';
import { StanceBadge } from './StanceBadge';

export type CardContent =
  | { status: 'loading'; label: string }
  | { status: 'ready'; card: EntityCard }
  | { status: 'error'; label: string; message: string };

export interface CardProps {
  content: CardContent;
  pinned: boolean;
  /** Id of the heading that names the dialog. */
  headingId: string;
  onPin(): void;
  onClose(): void;
  onCompare(entityId: string): void;
  onSearch(query: string): void;
}

function Quote({ excerpt, entityId, max }: { excerpt: Excerpt; entityId: string; max: number }) {
  const t = useT();
  const clipped = clipAround(excerpt.passage.text, entityRanges(excerpt.passage, entityId), max, 70);
  const voice = excerpt.voice;
  return (
    <>
      <blockquote class="quote" dir="auto">
        <Highlighted text={clipped.text} ranges={clipped.ranges} />
      </blockquote>
      {voice && voice.kind !== 'author' && <p class="voice">{voiceText(voice, t)}</p>}
    </>
  );
}

const PinIcon = () => (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
    <path
      d="M10.2 1.5 14.5 5.8l-1.1 1.1-.9-.3-2.3 2.3.2 2.6-1.1 1.1L6.6 9.9 2.9 13.6l-.5-.5 3.7-3.7-2.7-2.7 1.1-1.1 2.6.2 2.3-2.3-.3-.9z"
      fill="currentColor"
    />
  </svg>
);

const CloseIcon = () => (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
    <path d="M3.5 3.5l9 9m0-9-9 9" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" fill="none" />
  </svg>
);

export function Card({ content, pinned, headingId, onPin, onClose, onCompare, onSearch }: CardProps) {
  const t = useT();
  const name = content.status === 'ready' ? content.card.entity.name : content.label;
  return (
    <div class="card" role="dialog" aria-modal="false" aria-labelledby={headingId} aria-busy={content.status === 'loading'} tabIndex={-1}>
      <header class="head">
        <div class="titles">
          <h2 class="name" id={headingId} dir="auto">
            {name}
          </h2>
          {content.status === 'ready' && (
            <p class="meta">
              <span class="kind">{kindText(content.card.entity.kind, t)}</span>
              <span class="sep" aria-hidden="true">
                {' · '}
              </span>
              <span class="coverage">{coverageText(content.card.entity.sourceCount, content.card.totalSources, t)}</span>
            </p>
          )}
        </div>
        <div class="tools">
          <button
            type="button"
            class={`icon${pinned ? ' on' : ''}`}
            aria-pressed={pinned}
            aria-label={t('cardPin')}
            title={pinned ? t('cardPinnedTitle') : t('cardPinTitle')}
            onClick={onPin}
          >
            <PinIcon />
          </button>
          <button type="button" class="icon" aria-label={t('cardClose')} title={t('cardCloseTitle')} onClick={onClose}>
            <CloseIcon />
          </button>
        </div>
      </header>
      {/* The scroll region: named and focusable, so a keyboard can scroll a long card. */}
      <div class="body" role="region" aria-label={t('cardRegion', name)} tabIndex={0}>
        {body(content, t)}
      </div>
      {content.status === 'ready' && (
        <footer class="foot">
          <button type="button" class="link" onClick={() => onCompare(content.card.entity.id)}>
            {t('cardCompare')}
          </button>
          <button type="button" class="link" onClick={() => onSearch(content.card.entity.name)}>
            {t('cardSearch')}
          </button>
          {!!content.card.alsoMentioned && (
            <button type="button" class="link also" onClick={() => onSearch(content.card.entity.name)}>
              {alsoMentionedText(content.card.alsoMentioned, t)}
            </button>
          )}
        </footer>
      )}
    </div>
  );
}

/** A section of excerpts: what the sources say about the entity, or where they name it only in passing. */
function Excerpts({ title, excerpts, entityId }: { title: string; excerpts: Excerpt[]; entityId: string }) {
  if (excerpts.length === 0) return null;
  return (
    <section class="section" aria-label={title}>
      <h3 class="section-title">{title}</h3>
      <ol class="excerpts">
        {excerpts.map((e) => (
          <li class="excerpt" key={`${e.passage.docId}:${e.passage.id}`}>
            <Quote excerpt={e} entityId={entityId} max={EXCERPT_CHARS} />
            <SourceLabel source={e.source} origin={e.origin} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function body(content: CardContent, t: T) {
  if (content.status === 'loading') return <p class="status">{t('cardLoading')}</p>;
  if (content.status === 'error') return <p class="status error">{t('cardError')}</p>;
  const { entity, excerpts, viewpoints, team } = content.card;
  return (
    <>
      <p class="desc" dir="auto">{entity.description}</p>
      {team?.unreachable && (
        <p class="status team-note" role="status">
          {t('teamUnreachable', team.name)}
        </p>
      )}
      <Excerpts title={t('cardSourcesSay')} excerpts={excerpts.filter((e) => !e.inPassing)} entityId={entity.id} />
      {viewpoints.length > 0 && (
        <section class="section" aria-label={t('cardViewpoints')}>
          <h3 class="section-title">{t('cardViewpoints')}</h3>
          <ul class="viewpoints">
            {viewpoints.map((e) => (
              <li class={`viewpoint vp-${e.passage.stance}`} key={`${e.passage.docId}:${e.passage.id}`}>
                <div class="vp-head">
                  <span class="vp-perspective" dir="auto">{e.source.perspective}</span>
                  <StanceBadge stance={e.passage.stance} cues={e.passage.stanceCues} small />
                </div>
                <Quote excerpt={e} entityId={entity.id} max={VIEWPOINT_CHARS} />
                <SourceLabel source={e.source} hidePerspective origin={e.origin} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <Excerpts title={t('cardInPassing')} excerpts={excerpts.filter((e) => e.inPassing)} entityId={entity.id} />
    </>
  );
}

/**
 * Above the Save button of an import: the drafts that cannot be saved as they are, each named by
 * its file with the reason, a button that brings its row into view with focus on the field to fix,
 * and "Leave out"; and, when several drafts have no perspective, one field to give them all one.
 * The logic is in lib/userCorpus/draftReview.ts.
 */
import { useState } from 'preact/hooks';
import { attentionHeading, type Attention, type DraftField } from '../../lib/userCorpus/draftReview';
import { useT } from '../i18n';
import { draftName } from '../../lib/userCorpus/parseFile';

interface Props {
  attention: Attention[];
  /** Drafts without a perspective of their own. */
  withoutPerspective: number;
  onShow(index: number, field: DraftField): void;
  onLeaveOut(index: number): void;
  onSetPerspective(perspective: string): void;
}

/** Names listed at once; fixing one brings the next into the list. */
const LISTED = 10;

export function DraftAttention({ attention, withoutPerspective, onShow, onLeaveOut, onSetPerspective }: Props) {
  const t = useT();
  const [perspective, setPerspective] = useState('');
  if (attention.length === 0) return null;
  const more = attention.length - LISTED;
  const apply = () => {
    if (!perspective.trim()) return;
    onSetPerspective(perspective);
    setPerspective('');
  };
  return (
    <div class="drafts-attention" id="drafts-attention">
      <p id="drafts-attention-title" class="field-problem">
        <strong>{attentionHeading(attention.length, t)}</strong>
      </p>
      <ul aria-labelledby="drafts-attention-title">
        {attention.slice(0, LISTED).map((a) => (
          <li key={a.index}>
            <button type="button" class="link-btn" onClick={() => onShow(a.index, a.field)}>
              <bdi>{draftName(a.fileName, t)}</bdi>
            </button>{' '}
            {t('inParens', a.reasons.map((r) => t(r)).join(t('listSeparator')))}{' '}
            <button type="button" class="btn btn-small" aria-label={t('leaveOutName', draftName(a.fileName, t))} onClick={() => onLeaveOut(a.index)}>
              {t('leaveOut')}
            </button>
          </li>
        ))}
      </ul>
      {more > 0 && <p class="muted">{t.plural('attentionMore', more)}</p>}
      {withoutPerspective > 1 && (
        <div class="row">
          <div class="field grow">
            <label htmlFor="drafts-perspective">{t.plural('perspectiveForAll', withoutPerspective)}</label>
            <input id="drafts-perspective" type="text" value={perspective} placeholder={t('perspectiveExample')} onInput={(e) => setPerspective(e.currentTarget.value)}
              // Enter applies it here rather than submitting the form.
              onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), apply())} />
          </div>
          <button type="button" class="btn" disabled={!perspective.trim()} onClick={apply}>
            {t.plural('perspectiveSet', withoutPerspective)}
          </button>
        </div>
      )}
    </div>
  );
}

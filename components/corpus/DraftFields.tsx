/** The editable metadata of one document: labelled fields, problems shown beside them. */
import type { DraftMeta } from '../../lib/userCorpus/types';
import { draftProblems } from '../../lib/userCorpus/draft';
import type { MessageKey } from '../../lib/i18n/keys';
import { useT } from '../i18n';

interface Props {
  /** Unique prefix for the fields' ids. */
  idPrefix: string;
  meta: DraftMeta;
  onChange(meta: DraftMeta): void;
  /** The problems to show; the store's rules (draftProblems) unless given (an import also asks for a perspective). */
  problems?: Partial<Record<keyof DraftMeta, string>>;
}

const FIELDS: Array<{ key: Exclude<keyof DraftMeta, 'dateApproximate'>; label: MessageKey; hint?: MessageKey; type?: string }> = [
  { key: 'title', label: 'fieldTitle' },
  { key: 'author', label: 'fieldAuthor' },
  { key: 'outlet', label: 'fieldOutlet' },
  { key: 'date', label: 'fieldDate', hint: 'fieldDateHint' },
  { key: 'perspective', label: 'fieldPerspective', hint: 'fieldPerspectiveHint' },
  { key: 'url', label: 'fieldLink', type: 'url' },
];

export function DraftFields({ idPrefix, meta, onChange, problems: given }: Props) {
  const t = useT();
  const problems = given ?? draftProblems(meta, t);
  return (
    <div class="draft-fields">
      {FIELDS.map(({ key, label, hint, type }) => {
        const id = `${idPrefix}-${key}`;
        const problem = problems[key];
        return (
          <div class="field" key={key}>
            <label htmlFor={id}>{t(label)}</label>
            <input
              id={id}
              type={type ?? 'text'}
              value={meta[key]}
              placeholder={hint && t(hint)}
              aria-invalid={problem ? 'true' : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onInput={(e) => onChange({ ...meta, [key]: e.currentTarget.value })}
            />
            {problem && (
              <span id={`${id}-problem`} class="field-problem">
                {problem}
              </span>
            )}
          </div>
        );
      })}
      <label class="field-check">
        <input type="checkbox" checked={meta.dateApproximate} onChange={(e) => onChange({ ...meta, dateApproximate: e.currentTarget.checked })} />
        {t('fieldDateApprox')}
      </label>
    </div>
  );
}

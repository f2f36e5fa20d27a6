/** The editable metadata of one document: labelled fields, problems shown beside them. */
import type { DraftMeta } from '../../lib/userCorpus/types';
import { draftProblems } from '../../lib/userCorpus/draft';

interface Props {
  /** Unique prefix for the fields' ids. */
  idPrefix: string;
  meta: DraftMeta;
  onChange(meta: DraftMeta): void;
  /** The problems to show; the store's rules (draftProblems) unless given (an import also asks for a perspective). */
  problems?: Partial<Record<keyof DraftMeta, string>>;
}

const FIELDS: Array<{ key: Exclude<keyof DraftMeta, 'dateApproximate'>; label: string; hint?: string; type?: string }> = [
  { key: 'title', label: 'Title' },
  { key: 'author', label: 'Author' },
  { key: 'outlet', label: 'Outlet' },
  { key: 'date', label: 'Date', hint: '2016, 2016-10 or 2016-10-17' },
  { key: 'perspective', label: 'Perspective', hint: 'whose viewpoint, e.g. "Raqqa activist", "US officials"' },
  { key: 'url', label: 'Link', type: 'url' },
];

export function DraftFields({ idPrefix, meta, onChange, problems = draftProblems(meta) }: Props) {
  return (
    <div class="draft-fields">
      {FIELDS.map(({ key, label, hint, type }) => {
        const id = `${idPrefix}-${key}`;
        const problem = problems[key];
        return (
          <div class="field" key={key}>
            <label htmlFor={id}>{label}</label>
            <input
              id={id}
              type={type ?? 'text'}
              value={meta[key]}
              placeholder={hint}
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
        Date is approximate
      </label>
    </div>
  );
}

/**
 * Adding documents: choose files (several at once), drop them on the zone, or paste text. Each
 * becomes a draft whose metadata, pre-filled from the file, can be edited before saving; files
 * that cannot be read are listed with the reason. A corpus bundle (.json) shows what importing
 * it would change (merge or replace) before anything is written.
 */
import { memo } from 'preact/compat';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { countWithoutPerspective, importProblems, needingAttention, saveBlockedReason, visibleRows, type DraftField } from '../../lib/userCorpus/draftReview';
import { DRAFT_PAGE, NO_DRAFTS, draftListReducer } from '../../lib/userCorpus/draftList';
import { draftFromPage, extractionProblem, type PageExtraction } from '../../lib/userCorpus/pageExtract';
import { draftFromPaste, draftName, ACCEPTED_EXTENSIONS } from '../../lib/userCorpus/parseFile';
import type { DocumentDraft, DraftMeta } from '../../lib/userCorpus/types';
import { errorText } from '../../lib/i18n/wording';
import type { CorpusApi } from './api';
import { useT } from '../i18n';
import { BundleImport } from './BundleImport';
import { DraftAttention } from './DraftAttention';
import { DraftFields } from './DraftFields';
import { readImportFiles } from './readFiles';
import { pageYielder } from './yielder';
import { FORMS_PER_FRAME, useRowsByFrame } from './rowsByFrame';
import { TeamFileDrafts, type TeamFiling } from '../team/TeamFileDrafts';
import type { Bundle } from '../../lib/userCorpus/bundle';
import { RoundsStopped } from '../../lib/userCorpus/importRounds';
import { useImportSave } from './useImportSave';

interface Props {
  api: CorpusApi;
  /** After documents were saved (the list refreshes). */
  onSaved(): void;
  /** A save starts (true) or ends (false): the lists wait for its end. */
  onImporting?(on: boolean): void;
  /** Look for new places and groups in a document. */
  onPropose(docId: string): void;
  /** Settings found in an imported bundle, applied by the page. */
  onBundleSettings(settings: Record<string, unknown>): void;
  /** A page the reader asked to add ("Add this page": platform/addPage.ts), to confirm here. */
  page?: PageExtraction | null;
  /** A writer's team corpus: the drafts can be filed there too. */
  team?: TeamFiling | null;
}

/** A page handed over without an article (its problem is worded when drawn). */
const isPageProblem = (e: unknown): e is { page: Extract<PageExtraction, { ok: false }> } => typeof e === 'object' && e !== null && 'page' in e;

export function ImportPanel({ api, onSaved, onImporting, onPropose, onBundleSettings, page, team }: Props) {
  const t = useT();
  // The drafts and the rows drawn for them, one reducer (lib/userCorpus/draftList.ts).
  const [{ drafts, shown, pinned }, dispatch] = useReducer(draftListReducer, NO_DRAFTS);
  // What went wrong, as errors (or problems of a page): worded when drawn, in the page's language.
  const [errors, setErrors] = useState<unknown[]>([]);
  const [bundle, setBundle] = useState<{ bundle: Bundle; fileName: string } | null>(null);
  const [status, setStatus] = useState('');
  const [savedOne, setSavedOne] = useState<{ id: string; title: string } | null>(null);
  const [paste, setPaste] = useState('');
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const sectionRef = useRef<HTMLElement>(null);
  const pasteRef = useRef<HTMLTextAreaElement>(null);
  const [focusField, setFocusField] = useState<string | null>(null);

  // A page handed over: its draft joins the list with focus on its title, or its problem is shown with focus in the paste box.
  useEffect(() => {
    if (!page) return;
    sectionRef.current?.scrollIntoView({ block: 'start' });
    setStatus('');
    if (page.ok) {
      setErrors([]);
      setFocusField(`draft-${drafts.length}-title`);
      dispatch({ type: 'add', drafts: [draftFromPage(page.article)], pin: true });
    } else {
      setErrors([{ page }]);
      pasteRef.current?.focus();
    }
  }, [page]);
  // Rows shown: the first `shown` drafts and the pinned ones (needing attention, or asked for).
  const visible = useMemo(() => visibleRows(drafts.length, shown, pinned), [drafts.length, shown, pinned]);
  const attention = useMemo(() => needingAttention(drafts), [drafts]);
  const withoutPerspective = useMemo(() => countWithoutPerspective(drafts), [drafts]);
  // The rows drawn so far (a few more each frame, up to the rows shown); a field to focus waits for its row.
  const wanted = visible.length;
  const rows = useRowsByFrame(visible, FORMS_PER_FRAME);
  useEffect(() => {
    if (!focusField) return;
    const field = sectionRef.current?.querySelector<HTMLInputElement>(`#${focusField}`);
    if (!field && rows < wanted) return;
    field?.focus();
    setFocusField(null);
  }, [focusField, rows, wanted]);

  const take = async (files: ArrayLike<File>) => {
    setStatus('');
    const results = await readImportFiles(files, pageYielder());
    dispatch({ type: 'add', drafts: results.flatMap((r) => (r.kind === 'draft' ? [r.draft] : [])) });
    setErrors(results.flatMap((r) => (r.kind === 'error' ? [r.error] : [])));
    const b = results.find((r) => r.kind === 'bundle');
    if (b && b.kind === 'bundle') setBundle({ bundle: b.bundle, fileName: b.fileName });
  };

  // Round after round, in parts, committed once per round; a stopped import goes on (useImportSave.ts).
  const saving = useImportSave(api);
  const save = async () => {
    setBusy(true);
    onImporting?.(true);
    try {
      const { added, before } = await saving.save(drafts);
      dispatch({ type: 'clear' });
      setErrors([]);
      setStatus(added.length === 1 && before === 0 ? t('savedOne', added[0]!.title) : t.plural('savedMany', before + added.length));
      setSavedOne(added.length === 1 && before === 0 ? { id: added[0]!.id, title: added[0]!.title } : null);
      onSaved();
    } catch (e) {
      // Rounds saved before the stop are said, then why the next one was not.
      setErrors(e instanceof RoundsStopped ? (e.saved > 0 ? [e, e.cause] : [e.cause]) : [e]);
      if (e instanceof RoundsStopped && e.saved > 0) onSaved();
    } finally {
      setBusy(false);
      onImporting?.(false);
    }
  };

  // Stable, so the rows are not drawn again when only the status or the busy state changes.
  const editDraft = useCallback((index: number, meta: DraftMeta) => dispatch({ type: 'edit', index, meta }), []);
  const leaveOut = useCallback((index: number) => dispatch({ type: 'leaveOut', index }), []);
  // A draft named above Save: its row is drawn (pinned) and its first field to fix focused.
  const showDraft = (i: number, field: DraftField) => {
    dispatch({ type: 'pin', index: i });
    setFocusField(`draft-${i}-${field}`);
  };
  const blocked = saveBlockedReason(busy, attention.length, t);
  // Left out from the list above Save: focus goes to the next name there, else to Save, not to the page's top.
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus) return;
    setRefocus(false);
    sectionRef.current?.querySelector<HTMLButtonElement>('.drafts-attention .link-btn, .drafts button[type=submit]')?.focus();
  }, [refocus]);

  return (
    <section class="corpus-section" aria-labelledby="import-title" id="add-page" ref={sectionRef}>
      <h2 id="import-title">{t('importTitle')}</h2>
      {/* An import that stopped part way: said before the files are chosen again. */}
      {saving.pending && !busy && (
        <p class="import-pending" role="status">
          {t.plural('importPending', saving.pending.total, saving.pending.saved)}{' '}
          <button type="button" class="link-btn" onClick={saving.forget}>
            {t('importPendingForget')}
          </button>
        </p>
      )}
      <div
        class={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void take([...(e.dataTransfer?.files ?? [])]);
        }}
      >
        <label htmlFor="import-files">{t('importChoose')}</label>
        <input id="import-files" type="file" multiple accept={ACCEPTED_EXTENSIONS.join(',')} onChange={(e) => {
          const input = e.currentTarget;
          // The list itself, not a copy (readFiles.ts); it is only cleared once read.
          void take(input.files ?? []).then(() => (input.value = ''));
        }} />
      </div>

      <div class="field">
        <label htmlFor="import-paste">{t('importPaste')}</label>
        <textarea id="import-paste" ref={pasteRef} rows={4} value={paste} onInput={(e) => setPaste(e.currentTarget.value)} />
        <button type="button" class="btn" disabled={!paste.trim()} onClick={() => {
          try {
            dispatch({ type: 'add', drafts: [draftFromPaste(paste, t)], pin: true });
            setPaste('');
          } catch (e) {
            setErrors([e]);
          }
        }}>
          {t('importAddPasted')}
        </button>
      </div>

      {errors.length > 0 && (
        <ul class="import-errors" role="alert">
          {errors.map((e, i) => (
            <li key={i}>{isPageProblem(e) ? extractionProblem(e.page, t) : errorText(e, t)}</li>
          ))}
        </ul>
      )}
      <p class="import-status" role="status">{saving.progress ? t.plural('importSaving', saving.progress.total, saving.progress.saved) : status}</p>
      {savedOne && (
        <button type="button" class="btn" onClick={() => (onPropose(savedOne.id), setSavedOne(null))}>
          {t('proposeInQuoted', savedOne.title)}
        </button>
      )}

      {drafts.length > 0 && (
        <form class="drafts" aria-label={t('draftsLabel')} onSubmit={(e) => (e.preventDefault(), void save())}>
          {visible.length < drafts.length && <p class="muted">{t.plural('draftsShowing', drafts.length, visible.length)}</p>}
          {visible.slice(0, rows).map((i) => (
            <DraftRow key={i} index={i} draft={drafts[i]!} onChange={editDraft} onLeaveOut={leaveOut} />
          ))}
          {visible.length < drafts.length && (
            <div class="row">
              <button type="button" class="btn" onClick={() => dispatch({ type: 'showMore' })}>
                {t('draftsShowMore', Math.min(DRAFT_PAGE, drafts.length - shown))}
              </button>
              <button type="button" class="btn" onClick={() => dispatch({ type: 'showAll' })}>
                {t('draftsShowAll', drafts.length)}
              </button>
            </div>
          )}
          <DraftAttention
            attention={attention}
            withoutPerspective={withoutPerspective}
            onShow={showDraft}
            onLeaveOut={(i) => (leaveOut(i), setRefocus(true))}
            onSetPerspective={(perspective) => dispatch({ type: 'fillPerspective', perspective })}
          />
          <div class="row">
            <button type="submit" class="btn btn-primary" disabled={busy || attention.length > 0} aria-describedby={blocked ? 'save-blocked' : undefined}>
              {t.plural('saveDocuments', drafts.length)}
            </button>
            <button type="button" class="btn" onClick={() => dispatch({ type: 'clear' })}>
              {t('discard')}
            </button>
            {blocked && (
              <span id="save-blocked" class="muted save-blocked">
                {blocked}
              </span>
            )}
          </div>
          {team && <TeamFileDrafts drafts={drafts} team={team.team} file={team.file} blocked={busy || attention.length > 0} />}
        </form>
      )}

      {bundle && (
        <BundleImport
          api={api}
          bundle={bundle.bundle}
          fileName={bundle.fileName}
          onDone={(message) => {
            if (bundle.bundle.settings) onBundleSettings(bundle.bundle.settings);
            setBundle(null);
            setStatus(message);
            onSaved();
          }}
          onCancel={() => setBundle(null)}
        />
      )}
    </section>
  );
}

interface RowProps {
  index: number;
  draft: DocumentDraft;
  onChange(index: number, meta: DraftMeta): void;
  onLeaveOut(index: number): void;
}

/** One draft to edit before saving: its fields, the start of its text, "Leave out". */
const DraftRow = memo(function DraftRow({ index, draft: d, onChange, onLeaveOut }: RowProps) {
  const t = useT();
  return (
    <fieldset class="draft">
      <legend><bdi>{draftName(d.fileName, t)}</bdi></legend>
      <DraftFields idPrefix={`draft-${index}`} meta={d.meta} problems={importProblems(d.meta, t)} onChange={(meta) => onChange(index, meta)} />
      <p class="muted draft-preview" dir="auto">{d.body.slice(0, 240)}{d.body.length > 240 ? '…' : ''}</p>
      <button type="button" class="btn" onClick={() => onLeaveOut(index)}>
        {t('leaveOut')}
      </button>
    </fieldset>
  );
});

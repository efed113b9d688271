import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile, PreflightFindings } from '../../../shared/api/contract';
import type { Interview } from '../../../shared/model/schema';
import { api } from '../api';
import { Dialog } from '../common/Dialog';
import { fileDialogs } from '../platform/file-dialogs';
import { saveExportedFile } from '../platform/save-exported-file';
import { UI_EXPORT_FORMATS, exportableWhilePending, type UiExportFormat } from './formats';
import { PreflightList } from './PreflightList';
import { ReadByNote } from './ReadByNote';

const PREVIEW_LIMIT = 200_000;

interface Props {
  doc: () => Interview;
  /** Store pending edits first, so the export is what the user sees. */
  flush: () => Promise<void>;
  /** The format to start with (the desktop menu's Export ▸ submenu chooses one). */
  initialFormat?: UiExportFormat;
  onClose: () => void;
  /** Open the Changes panel, offered while pending suggestions block the export. */
  onReviewChanges?: () => void;
  /** Suggestions still pending: only the formats that carry them (the Word review copy) can
   *  leave until they are decided. */
  pending?: number;
}

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; preflight: PreflightFindings; file: ExportedFile | null } | { kind: 'failed'; message: string };

/**
 * Export: choose a format (with which receiving systems read it), see the preflight and a
 * preview, save the file (and its pictures). Every format is exported by the backend, as the
 * registry says (shared/export/formats.ts): its view, its preflight, and a mark in the history.
 */
export function ExportDialog({ doc, flush, initialFormat, onClose, onReviewChanges, pending = 0 }: Props) {
  const { t } = useTranslation();
  const allowed = (f: UiExportFormat) => pending === 0 || exportableWhilePending(f);
  const [format, setFormat] = useState<UiExportFormat>(() => startingFormat(initialFormat, allowed));
  const pendingNoteId = useId();
  const [override, setOverride] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [saveError, setSaveError] = useState<string | null>(null);
  const noteId = useId();

  useEffect(() => {
    let live = true;
    const run = async () => {
      setState({ kind: 'working' });
      await flush();
      const current = doc();
      // The first call shows all findings; with the override, the warnings shown are accepted.
      const first = await api.document.export({ id: current.id, format, acceptWarnings: [] });
      if (!live) return;
      if (!first.ok) return setState({ kind: 'failed', message: first.error.message });
      let result = first.value;
      if (!result.file && override && result.preflight.errors.length === 0) {
        const again = await api.document.export({ id: current.id, format, acceptWarnings: result.preflight.warnings.map((w) => w.key) });
        if (!live) return;
        if (!again.ok) return setState({ kind: 'failed', message: again.error.message });
        result = again.value;
      }
      setState({ kind: 'done', preflight: result.preflight, file: result.file });
    };
    void run();
    return () => {
      live = false;
    };
  }, [format, override, doc, flush]);

  const file = state.kind === 'done' ? state.file : null;

  // Native save dialog in the desktop build, a download in browser mode.
  async function save() {
    if (!file) return;
    setSaveError(null);
    try {
      await saveExportedFile(file, fileDialogs);
    } catch (err) {
      setSaveError((err as Error).message);
    }
  }

  return (
    <Dialog title={t('export.title')} onClose={onClose} className="wide-dialog">
      <label className="field">
        <span className="field-label">{t('export.format')}</span>
        <select value={format} aria-describedby={pending > 0 ? `${noteId} ${pendingNoteId}` : noteId} onChange={(e) => setFormat(e.target.value as UiExportFormat)}>
          {UI_EXPORT_FORMATS.map((f) => (
            <option key={f} value={f} disabled={!allowed(f)}>
              {t(`export.formats.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <ReadByNote id={noteId} format={format} />
      {pending > 0 && (
        <p id={pendingNoteId} className="muted">
          {t('export.pendingOnlyReview', { count: pending })}{' '}
          {onReviewChanges && (
            <button type="button" className="link" onClick={onReviewChanges}>
              {t('export.reviewChanges')}
            </button>
          )}
        </p>
      )}
      {state.kind === 'working' && <p className="muted">{t('export.working')}</p>}
      {state.kind === 'failed' && <p role="alert" className="error">{state.message}</p>}
      {state.kind === 'done' && <PreflightList preflight={state.preflight} overrideWarnings={override} onOverrideChange={setOverride} />}
      {state.kind === 'done' && onReviewChanges && state.preflight.errors.some((f) => f.code === 'review.unresolved-suggestions') && (
        <button type="button" onClick={onReviewChanges}>
          {t('export.reviewChanges')}
        </button>
      )}
      {file && (
        <>
          <h3 className="preview-title">{t('export.preview', { file: file.fileName })}</h3>
          <pre className="export-preview" tabIndex={0} aria-label={t('export.previewLabel')}>
            {file.encoding === 'utf8' ? file.data.slice(0, PREVIEW_LIMIT) : t('export.binaryPreview')}
          </pre>
          {file.pictures.length > 0 && <p className="muted">{t('export.pictures', { count: file.pictures.length })}</p>}
        </>
      )}
      {saveError && <p role="alert" className="error">{saveError}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('export.close')}
        </button>
        <button type="button" className="primary" disabled={!file} onClick={() => void save()}>
          {t('export.save')}
        </button>
      </div>
    </Dialog>
  );
}

/** The format the dialog opens on: the one asked for (the desktop menu names one), else NITF,
 *  the agency's own; while suggestions are pending, the first format that may leave. */
function startingFormat(asked: UiExportFormat | undefined, allowed: (f: UiExportFormat) => boolean): UiExportFormat {
  for (const f of [asked ?? 'nitf', ...UI_EXPORT_FORMATS]) if (allowed(f)) return f;
  return 'nitf';
}

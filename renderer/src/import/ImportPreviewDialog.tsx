import { useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportedFile } from '../../../shared/import/transcripts/import-transcript';
import { describeImportFinding, excerpt, type ImportFinding } from '../../../shared/import/findings';
import { applyPreviewEdit, draftIsComplete, initialDraft, turnCounts, type ImportDraft } from '../../../shared/import/preview-edits';
import type { ParticipantRole, Recording } from '../../../shared/model/schema';
import { Dialog } from '../common/Dialog';
import { ImportRecordingPicker } from './ImportRecordingPicker';
import { previewTurns } from './preview-turns';

interface Props {
  /** The file's name, or what the text is (pasted text). */
  fileName: string;
  /** What the importer made of the text (a machine transcript's also says how many paragraphs keep their times). */
  result: ImportedFile;
  onCancel: () => void;
  /**
   * The speakers and each turn's speaker as corrected here (shared/import/accept-import.ts makes the
   * document), and the recording picked for a machine transcript's times (link-recording.ts), if any.
   */
  onAccept: (draft: ImportDraft, recording: Recording | null) => void;
  /**
   * Offer to pick the transcript's recording (ImportRecordingPicker.tsx), among `recordings` (the
   * target interview's) or from a file. Left out where the caller cannot link one.
   */
  recordings?: readonly Recording[];
}

/** Turns drawn at a time: a long interview stays quick to open; the rest are a button away. */
const TURNS_SHOWN = 200;

/**
 * What the importer found in a text, before it becomes an interview: the speakers (whose labels
 * and roles can be corrected, and two of whom can be merged), the turns with the speaker of each
 * (which can be changed), and each place the importer was unsure of (shared/import/findings.ts),
 * by line, beside the turn it is in. The corrections are data (shared/import/preview-edits.ts);
 * Import and a paste into an empty interview show this same dialog and accept it the same way.
 */
export function ImportPreviewDialog({ fileName, result, onCancel, onAccept, recordings }: Props) {
  const { t, i18n } = useTranslation();
  const { doc, report } = result;
  const findingLanguage = i18n.language.startsWith('vi') ? 'vi' : 'en';
  const [draft, edit] = useReducer(applyPreviewEdit, result, initialDraft);
  const [shown, setShown] = useState(TURNS_SHOWN);
  // A recording of the target interview named like the one the transcript names is the likely one.
  const [recording, setRecording] = useState<Recording | null>(() => recordings?.find((r) => r.name === result.transcript?.mediaName) ?? null);
  const [mergeTarget, setMergeTarget] = useState<Record<string, string>>({});
  // What the importer was unsure of, beyond the lines listed as kept as text (those are findings too).
  const unsure = useMemo(() => report.findings.filter((f) => !report.unplaced.some((u) => u.line === f.line && u.reason === f.kind)), [report]);
  const turns = useMemo(() => previewTurns(result, unsure), [result, unsure]);
  const elsewhere = useMemo(() => {
    const atTurns = new Set(turns.flatMap((turn) => turn.findings));
    return unsure.filter((f) => !atTurns.has(f));
  }, [turns, unsure]);
  const counts = useMemo(() => turnCounts(draft), [draft]);
  const labelOf = (id: string) => draft.participants.find((p) => p.id === id)?.label.trim() || '—';
  const describe = (f: ImportFinding) => describeImportFinding(f, findingLanguage);

  return (
    <Dialog title={t('import.title')} onClose={onCancel} className="wide-dialog">
      <p className="muted">{fileName}</p>
      <dl className="import-summary">
        <dt>{t('meta.headline')}</dt>
        <dd>{doc.meta.headline || '—'}</dd>
        <dt>{t('import.language')}</dt>
        <dd>{t(`languages.inUi.${doc.meta.language}`)}</dd>
        <dt>{t('import.found')}</dt>
        <dd>{t('import.counts', { turns: draft.turnSpeakers.length, photos: report.photos, speakers: draft.participants.length })}</dd>
        {result.transcript && (
          <>
            <dt>{t('import.times')}</dt>
            <dd>{t('import.timedParagraphs', { count: result.transcript.timedParagraphs })}</dd>
          </>
        )}
      </dl>
      {result.transcript?.mediaName && <p className="muted">{t('import.recordingNamed', { name: result.transcript.mediaName })}</p>}
      {result.transcript && recordings && <ImportRecordingPicker attached={recordings} picked={recording} onPick={setRecording} />}
      <h3>{t('import.speakers')}</h3>
      {draft.participants.length === 0 && <p className="muted">{t('import.noSpeakers')}</p>}
      <ul className="import-speakers">
        {draft.participants.map((s) => {
          const others = draft.participants.filter((o) => o.id !== s.id);
          const target = others.some((o) => o.id === mergeTarget[s.id]) ? mergeTarget[s.id]! : '';
          return (
            <li key={s.id} aria-label={s.label}>
              <label className="field">
                <span className="field-label">{t('participants.label')}</span>
                <input type="text" value={s.label} onChange={(e) => edit({ type: 'label', speakerId: s.id, label: e.target.value })} />
              </label>
              <label className="field">
                <span className="field-label">{t('participants.role')}</span>
                <select value={s.role} onChange={(e) => edit({ type: 'role', speakerId: s.id, role: e.target.value as ParticipantRole })}>
                  <option value="interviewer">{t('participants.interviewer')}</option>
                  <option value="interviewee">{t('participants.interviewee')}</option>
                </select>
              </label>
              <span className="muted">{t('import.turnsOf', { count: counts.get(s.id) ?? 0 })}</span>
              {others.length > 0 && (
                <span className="import-merge">
                  <label className="field">
                    <span className="field-label">{t('import.mergeInto', { label: s.label.trim() || '—' })}</span>
                    <select value={target} onChange={(e) => setMergeTarget((m) => ({ ...m, [s.id]: e.target.value }))}>
                      <option value="">{t('import.mergeChoose')}</option>
                      {others.map((o) => (
                        <option key={o.id} value={o.id}>
                          {labelOf(o.id)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="button" disabled={target === ''} onClick={() => edit({ type: 'merge', from: s.id, into: target })}>
                    {t('import.merge')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {report.unplaced.length > 0 && (
        <>
          <h3>{t('import.unplaced', { count: report.unplaced.length })}</h3>
          <ul className="import-unplaced">
            {report.unplaced.slice(0, 50).map((u) => (
              <li key={u.line}>
                <span className="muted">{t('import.line', { line: u.line })}</span> {u.text.slice(0, 160)}
              </li>
            ))}
          </ul>
        </>
      )}
      {unsure.length > 0 && (
        <>
          <h3>{t('import.unsure', { count: unsure.length })}</h3>
          {elsewhere.length < unsure.length && <p className="muted">{t('import.atTurns', { count: unsure.length - elsewhere.length })}</p>}
          <ul className="import-unplaced" aria-label={t('import.unsure', { count: unsure.length })}>
            {elsewhere.slice(0, 50).map((f) => (
              <li key={`${f.line}-${f.kind}-${f.text}`}>{describe(f)}</li>
            ))}
          </ul>
        </>
      )}
      {turns.length > 0 && (
        <>
          <h3 id="import-turns-heading">{t('import.turns')}</h3>
          <ol className="import-turns" aria-labelledby="import-turns-heading">
            {turns.slice(0, shown).map((turn, k) => (
              <li key={k}>
                <span className="import-turn-line muted">{turn.line !== undefined ? t('import.lineShort', { line: turn.line }) : ''}</span>
                <select
                  aria-label={turn.line !== undefined ? t('import.turnSpeaker', { n: k + 1, line: turn.line }) : t('import.turnSpeakerNoLine', { n: k + 1 })}
                  value={draft.turnSpeakers[k]}
                  onChange={(e) => edit({ type: 'turnSpeaker', turn: k, speakerId: e.target.value })}
                >
                  {draft.participants.map((p) => (
                    <option key={p.id} value={p.id}>
                      {labelOf(p.id)}
                    </option>
                  ))}
                </select>
                <span className="import-turn-text">{turn.text === '' ? t('import.emptyTurn') : excerpt(turn.text, 120)}</span>
                {turn.findings.length > 0 && (
                  <ul className="import-turn-findings">
                    {turn.findings.map((f) => (
                      <li key={`${f.line}-${f.kind}-${f.text}`}>{describe(f)}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          {turns.length > shown && (
            <button type="button" onClick={() => setShown((n) => n + TURNS_SHOWN)}>
              {t('import.showMore', { count: Math.min(TURNS_SHOWN, turns.length - shown) })}
            </button>
          )}
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('participants.cancel')}
        </button>
        <button type="button" className="primary" disabled={!draftIsComplete(draft)} onClick={() => onAccept(draft, recording)}>
          {t('import.accept')}
        </button>
      </div>
    </Dialog>
  );
}

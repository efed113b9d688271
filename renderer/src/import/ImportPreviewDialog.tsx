import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../shared/import/agency-text';
import { describeImportFinding } from '../../../shared/import/findings';
import type { Interview, ParticipantRole } from '../../../shared/model/schema';
import { Dialog } from '../common/Dialog';

interface Props {
  fileName: string;
  result: ImportResult;
  onCancel: () => void;
  onAccept: (doc: Interview) => void;
}

/**
 * What the importer found in a text file, before it becomes an interview: the speakers (whose
 * labels and roles can be corrected here), how many turns and photos, the lines it could not
 * place with confidence, and each place it was unsure of (shared/import/findings.ts), by line.
 */
export function ImportPreviewDialog({ fileName, result, onCancel, onAccept }: Props) {
  const { t, i18n } = useTranslation();
  const { doc, report } = result;
  // What the importer was unsure of, beyond the lines listed as kept as text (those are findings too).
  const unsure = useMemo(() => report.findings.filter((f) => !report.unplaced.some((u) => u.line === f.line && u.reason === f.kind)), [report]);
  const findingLanguage = i18n.language.startsWith('vi') ? 'vi' : 'en';
  const [speakers, setSpeakers] = useState(() => doc.participants.map((p) => ({ ...p })));
  const turnsBySpeaker = useMemo(() => new Map(report.speakers.map((s) => [s.id, s.turns])), [report]);
  const valid = speakers.every((s) => s.label.trim() !== '');

  const update = (id: string, patch: { label?: string; role?: ParticipantRole }) => setSpeakers((list) => list.map((s) => (s.id === id ? { ...s, ...patch } : s)));

  return (
    <Dialog title={t('import.title')} onClose={onCancel} className="wide-dialog">
      <p className="muted">{fileName}</p>
      <dl className="import-summary">
        <dt>{t('meta.headline')}</dt>
        <dd>{doc.meta.headline || '—'}</dd>
        <dt>{t('import.found')}</dt>
        <dd>{t('import.counts', { turns: report.turns.length, photos: report.photos, speakers: speakers.length })}</dd>
      </dl>
      <h3>{t('import.speakers')}</h3>
      {speakers.length === 0 && <p className="muted">{t('import.noSpeakers')}</p>}
      <ul className="import-speakers">
        {speakers.map((s) => (
          <li key={s.id} aria-label={s.label}>
            <label className="field">
              <span className="field-label">{t('participants.label')}</span>
              <input type="text" value={s.label} onChange={(e) => update(s.id, { label: e.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">{t('participants.role')}</span>
              <select value={s.role} onChange={(e) => update(s.id, { role: e.target.value as ParticipantRole })}>
                <option value="interviewer">{t('participants.interviewer')}</option>
                <option value="interviewee">{t('participants.interviewee')}</option>
              </select>
            </label>
            <span className="muted">{t('import.turnsOf', { count: turnsBySpeaker.get(s.id) ?? 0 })}</span>
          </li>
        ))}
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
          <ul className="import-unplaced" aria-label={t('import.unsure', { count: unsure.length })}>
            {unsure.slice(0, 50).map((f) => (
              <li key={`${f.line}-${f.kind}`}>{describeImportFinding(f, findingLanguage)}</li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          {t('participants.cancel')}
        </button>
        <button type="button" className="primary" disabled={!valid} onClick={() => onAccept({ ...doc, participants: speakers.map((s) => ({ ...s, label: s.label.trim() })) })}>
          {t('import.accept')}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * The import preview's "Recording" field, for a machine transcript: the recording it was made from,
 * picked as a file (or dropped on the field) and stored in the library straight away, or chosen
 * among the recordings the target interview already has. Accepting the import links it
 * (shared/import/link-recording.ts): every imported time then plays that recording.
 *
 * The file goes to the library as the player's Attach does (media/upload-recording.ts: streamed,
 * never read into the page); a recording nobody keeps is removed by the library's sweep.
 */
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recording } from '../../../shared/model/schema';
import { isRecordingFile, RECORDING_ACCEPT, UPLOAD_FAILURE_KEY, uploadRecording } from '../media/upload-recording';

interface Props {
  /** The recordings the target interview already has (none for a new interview). */
  attached: readonly Recording[];
  picked: Recording | null;
  onPick: (recording: Recording | null) => void;
}

export function ImportRecordingPicker({ attached, picked, onPick }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [uploaded, setUploaded] = useState<Recording[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choices = [...attached, ...uploaded.filter((u) => !attached.some((a) => a.id === u.id))];

  async function take(file: File) {
    setBusy(file.name);
    setError(null);
    const outcome = await uploadRecording(file);
    setBusy(null);
    if (!outcome.ok) return setError(t(UPLOAD_FAILURE_KEY[outcome.reason], { message: outcome.message }));
    const rec = outcome.recording;
    setUploaded((prev) => (prev.some((r) => r.id === rec.id) ? prev : [...prev, rec]));
    onPick(rec);
  }

  const onDrop = (event: DragEvent<HTMLFieldSetElement>) => {
    const file = [...event.dataTransfer.files].find(isRecordingFile);
    if (!file) return;
    event.preventDefault();
    void take(file);
  };

  return (
    <fieldset className="import-recording" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <legend>{t('import.recording')}</legend>
      <p className="muted">{t('import.recordingHint')}</p>
      <label className="field">
        <span className="field-label">{t('import.recordingPick')}</span>
        <select value={picked?.id ?? ''} onChange={(e) => onPick(choices.find((r) => r.id === e.target.value) ?? null)}>
          <option value="">{t('import.recordingNone')}</option>
          {choices.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <input
        ref={input}
        type="file"
        accept={RECORDING_ACCEPT}
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void take(file);
        }}
      />
      <button type="button" onClick={() => input.current?.click()} disabled={busy !== null}>
        {t('import.recordingAttach')}
      </button>
      {busy && (
        <p className="muted" role="status">
          {t('import.recordingUploading', { name: busy })}
        </p>
      )}
      {!busy && picked && (
        <p className="muted" role="status">
          {t('import.recordingLinked', { name: picked.name })}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

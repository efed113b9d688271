import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Destination } from '../../../shared/api/contract';
import { DESTINATION_FORMATS, receiverReads, type DestinationFormat } from '../../../shared/export/formats';
import { isPictureBaseUrl, NEW_PROFILE, PICTURE_LAYOUTS, type PictureLayout } from '../../../shared/export/profile';
import { RECEIVERS, type Receiver } from '../../../shared/export/receivers';
import type { SubjectRow } from '../../../shared/export/subjects';
import { SubjectTableEditor, subjectTableValid } from './SubjectTableEditor';

/** A destination as the form edits it: the base URL as typed ('' for none). */
interface Draft {
  name: string;
  receiver: Receiver;
  format: DestinationFormat;
  folder: string;
  pictureLayout: PictureLayout;
  pictureBaseUrl: string;
  sapoInBody: boolean;
  subjects: SubjectRow[];
}

const formatsFor = (receiver: Receiver) => DESTINATION_FORMATS.filter((f) => receiverReads(receiver, f));

function draftOf(destination: Destination | null): Draft {
  if (destination) return { ...destination, pictureBaseUrl: destination.pictureBaseUrl ?? '', subjects: destination.subjects.map((r) => ({ ...r })) };
  return {
    name: '',
    receiver: NEW_PROFILE.receiver,
    format: formatsFor(NEW_PROFILE.receiver)[0]!,
    folder: '',
    pictureLayout: NEW_PROFILE.pictureLayout,
    pictureBaseUrl: '',
    sapoInBody: NEW_PROFILE.sapoInBody,
    subjects: NEW_PROFILE.subjects.map((r) => ({ ...r })),
  };
}

/**
 * One destination's profile: name, receiving system, format (only those the system ingests
 * whole), folder, where the pictures go and the address they are fetched from, the sapo, and
 * the section → subject table. Adds a new destination, or saves the one given.
 */
export function DestinationForm({ editing, onSubmit, onCancel }: { editing: Destination | null; onSubmit: (destination: Destination) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(editing));
  const urlProblem = useId();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const url = draft.pictureBaseUrl.trim();
  const urlOk = url === '' || isPictureBaseUrl(url);
  const ready = draft.name.trim() !== '' && draft.folder.trim() !== '' && urlOk && subjectTableValid(draft.subjects);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    const id = editing?.id ?? `d${Date.now().toString(36)}`;
    onSubmit({ ...draft, id, name: draft.name.trim(), folder: draft.folder.trim(), pictureBaseUrl: url === '' ? null : url, subjects: draft.subjects.map((r) => ({ section: r.section.trim(), code: r.code })) });
    if (!editing) setDraft(draftOf(null));
  }

  return (
    <form className="destination-form" onSubmit={submit}>
      <label className="field">
        <span className="field-label">{t('newsroom.name')}</span>
        <input type="text" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <label className="field">
        <span className="field-label">{t('newsroom.receiver')}</span>
        <select
          value={draft.receiver}
          onChange={(e) => {
            const receiver = e.target.value as Receiver;
            // Keep the format when the new receiver reads it; else its first one.
            set({ receiver, format: receiverReads(receiver, draft.format) ? draft.format : formatsFor(receiver)[0]! });
          }}
        >
          {RECEIVERS.map((r) => (
            <option key={r} value={r}>
              {t(`newsroom.receivers.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('export.format')}</span>
        <select value={draft.format} onChange={(e) => set({ format: e.target.value as DestinationFormat })}>
          {formatsFor(draft.receiver).map((f) => (
            <option key={f} value={f}>
              {t(`export.formats.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('newsroom.pictureLayout')}</span>
        <select value={draft.pictureLayout} onChange={(e) => set({ pictureLayout: e.target.value as PictureLayout })}>
          {PICTURE_LAYOUTS.map((layout) => (
            <option key={layout} value={layout}>
              {t(`newsroom.pictureLayouts.${layout}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field wide">
        <span className="field-label">{t('newsroom.folder')}</span>
        <input type="text" value={draft.folder} placeholder="/srv/ingest/superdesk" onChange={(e) => set({ folder: e.target.value })} />
      </label>
      <label className="field wide">
        <span className="field-label">{t('newsroom.pictureBaseUrl')}</span>
        <input
          type="url"
          value={draft.pictureBaseUrl}
          placeholder="https://media.example.org/pictures/"
          aria-invalid={urlOk ? undefined : true}
          aria-describedby={urlOk ? undefined : urlProblem}
          onChange={(e) => set({ pictureBaseUrl: e.target.value })}
        />
      </label>
      {!urlOk && (
        <p id={urlProblem} className="field-error wide" role="status">
          {t('newsroom.pictureBaseUrlInvalid')}
        </p>
      )}
      <label className="choice wide">
        <input type="checkbox" checked={draft.sapoInBody} onChange={(e) => set({ sapoInBody: e.target.checked })} />
        {t('newsroom.sapoInBody')}
      </label>
      <SubjectTableEditor rows={draft.subjects} onChange={(subjects) => set({ subjects })} />
      <div className="dialog-actions wide">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('newsroom.cancelEdit')}
          </button>
        )}
        <button type="submit" disabled={!ready}>
          {editing ? t('newsroom.saveDestination') : t('newsroom.add')}
        </button>
      </div>
    </form>
  );
}

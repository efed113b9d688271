import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../shared/api/contract';
import { EDITING_MODES, type EditingMode } from '../../../shared/desktop-commands';
import { api } from '../api';
import { Dialog } from '../common/Dialog';
import { CompareView } from './CompareView';
import { mergeNoteText } from '../exchange/merge-note';

/** A mode snapshot's note, `from→to` (electron/backend/history.ts); null when it is not one. */
function modeSwitch(note: string): { from: EditingMode; to: EditingMode } | null {
  const [from, to] = note.split('→');
  const known = (m: string | undefined): m is EditingMode => (EDITING_MODES as readonly string[]).includes(m ?? '');
  return known(from) && known(to) ? { from, to } : null;
}

/** One end of a comparison: a version picked from the list. */
function VersionSelect({ caption, versions, label, value, onChange }: { caption: string; versions: readonly HistoryEntry[]; label: (v: HistoryEntry) => string; value: number; onChange: (revision: number) => void }) {
  return (
    <label className="inline-field">
      <span>{caption}</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {versions.map((v) => (
          <option key={v.revision} value={v.revision}>
            {label(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * "History": the kept versions of an interview, each with its time (a working burst's first and
 * last save), author, kind and name; name the current one, compare any two, restore one. Restore
 * asks first, naming the version and saying that the current text stays in the history; then
 * `onRestore` restores it and the open editor takes it in place (DocumentEditor), with "Undo
 * restore" at hand. It answers with an error message, or null when it is done.
 */
export function HistoryDialog({ id, flush, onRestore, onClose }: { id: string; flush: () => Promise<unknown>; onRestore: (revision: number) => Promise<string | null>; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<HistoryEntry[] | null>(null);
  const [current, setCurrent] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const [confirming, setConfirming] = useState<HistoryEntry | null>(null);
  const [restoring, setRestoring] = useState(false);

  const [version, setVersion] = useState(0); // bumped to read the history again after a change
  useEffect(() => {
    let live = true;
    // Saved first, so the history ends with what is on screen.
    void flush()
      .then(() => api.history.list({ id }))
      .then((result) => {
        if (!live) return;
        if (!result.ok) return setError(result.error.message);
        setVersions(result.value.versions);
        setCurrent(result.value.current);
        const [newest, previous] = result.value.versions;
        if (newest) setPair((p) => p ?? { from: (previous ?? newest).revision, to: newest.revision });
      });
    return () => {
      live = false;
    };
  }, [id, flush, version]);

  async function saveName() {
    const result = await api.history.name({ id, revision: current, name });
    if (!result.ok) return setError(result.error.message);
    setNotice(t('history.named', { name: result.value.name }));
    setName('');
    setVersion((v) => v + 1);
  }

  async function restore(revision: number) {
    setConfirming(null);
    setRestoring(true);
    const failure = await onRestore(revision);
    setRestoring(false);
    if (failure) setError(failure);
  }

  /** An event's detail in words: a restore's source, a mode switch's modes; else as stored (a format, a file). */
  const noteOf = (v: HistoryEntry): string => {
    if (v.kind === 'restore') return t('history.restoredFrom', { revision: v.note });
    if (v.kind === 'conflict') return t('history.keptBeside', { revision: v.note });
    if (v.kind === 'merged') return mergeNoteText(t, v.note, i18n.language);
    const modes = v.kind === 'mode' ? modeSwitch(v.note) : null;
    return modes ? t('history.modeSwitch', { from: t(`review.modes.${modes.from}`), to: t(`review.modes.${modes.to}`) }) : v.note;
  };

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  /** A working burst as the span of its saves; any other version at its time. */
  const timeOf = (v: HistoryEntry) => (Date.parse(v.startedAt) < Date.parse(v.savedAt) ? when.formatRange(new Date(v.startedAt), new Date(v.savedAt)) : when.format(new Date(v.savedAt)));
  /** What made the version, and who: "Edited by Lan" for a burst of autosaves, "Created by Lan" for the interview as it was created. */
  const oldest = versions?.at(-1)?.revision;
  const whatOf = (v: HistoryEntry) => {
    if (v.kind === 'auto' && v.revision === oldest) return v.author ? t('history.createdBy', { author: v.author }) : t('history.created');
    if (v.kind === 'auto') return v.author ? t('history.editedBy', { author: v.author }) : t('history.kinds.auto');
    return v.author ? `${t(`history.kinds.${v.kind}`)} · ${t('history.by', { author: v.author })}` : t(`history.kinds.${v.kind}`);
  };
  const label = (v: HistoryEntry) => [t('history.version', { revision: v.revision }), timeOf(v), v.author, v.name].filter(Boolean).join(' · ');

  return (
    <Dialog title={t('history.title')} onClose={onClose} className="history-dialog">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      <form
        className="history-name"
        onSubmit={(e) => {
          e.preventDefault();
          void saveName();
        }}
      >
        <label className="field">
          <span className="field-label">{t('history.name')}</span>
          <input type="text" value={name} maxLength={200} placeholder={t('history.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" disabled={name.trim() === '' || !current}>
          {t('history.nameSave')}
        </button>
      </form>
      {!versions && !error && <p className="loading">{t('history.loading')}</p>}
      {versions && (
        <ol className="history-list" aria-label={t('history.title')}>
          {versions.map((v) => (
            <li key={v.revision} className="history-entry">
              <span className="history-what">
                <strong>{t('history.version', { revision: v.revision })}</strong>
                {v.revision === current && <span className="badge">{t('history.current')}</span>}
                {v.name && <span className="history-name-tag">“{v.name}”</span>}
              </span>
              <span className="doc-meta">
                <time dateTime={v.savedAt}>{timeOf(v)}</time>
                <span>{whatOf(v)}</span>
                {v.note && <span>{noteOf(v)}</span>}
              </span>
              {v.revision !== current && (
                <button type="button" disabled={restoring} onClick={() => setConfirming(v)}>
                  {t('history.restore')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {versions && pair && versions.length > 1 && (
        <div className="history-compare">
          <VersionSelect caption={t('history.compareFrom')} versions={versions} label={label} value={pair.from} onChange={(from) => setPair({ ...pair, from })} />
          <VersionSelect caption={t('history.compareTo')} versions={versions} label={label} value={pair.to} onChange={(to) => setPair({ ...pair, to })} />
          <button type="button" onClick={() => setCompare(pair)}>
            {t('history.compare')}
          </button>
        </div>
      )}
      {compare && <CompareView id={id} from={compare.from} to={compare.to} />}
      {confirming && (
        <Dialog title={t('history.confirmTitle', { revision: confirming.revision })} onClose={() => setConfirming(null)}>
          <p>{t('history.confirmText', { version: t('history.version', { revision: confirming.revision }), details: [timeOf(confirming), whatOf(confirming), confirming.name && `“${confirming.name}”`].filter(Boolean).join(' · '), current })}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirming(null)}>
              {t('history.cancel')}
            </button>
            <button type="button" className="primary" onClick={() => void restore(confirming.revision)}>
              {t('history.confirmRestore', { revision: confirming.revision })}
            </button>
          </div>
        </Dialog>
      )}
    </Dialog>
  );
}

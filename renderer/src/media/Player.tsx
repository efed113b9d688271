/**
 * The transcription player, docked under the text in the editor's sticky dock (so the page keeps
 * the caret clear of it): attach a recording, play it with keys while typing, stamp times, follow
 * the paragraph being heard. Its behaviour is the store's (player-store.ts); this view wires the
 * store to an <audio> element, the keys, the waveform and the interview's list of recordings.
 *
 * The element streams the recording from `media/<id>` with byte ranges; nothing here reads a
 * recording whole except the waveform's peaks, within their size limit (waveform-peaks.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlateStatic } from 'slate-react';
import { formatClock } from '../../../shared/model/media-time';
import type { Recording } from '../../../shared/model/schema';
import { mediaUrl } from '../../../shared/api/media-upload';
import { STAMP_REFUSAL_KEY, stampTime } from '../editor/with-media-time';
import { keyPlatform } from '../shortcuts/platform';
import { useFollow } from './use-follow';
import { useMediaPositionMs } from './use-media-position';
import { formatAccelerator } from '../../../shared/accelerators';
import { keyMapProblem, PLAYER_ACTIONS, PLAYER_SHORTCUTS, playerKeys, type PlayerSettings } from '../../../shared/api/player-settings';
import { shortcut } from '../../../shared/shortcuts';
import { acceleratorOfEvent, isComposingKey, playerActionOf, type PlayerAction } from './player-keys';
import { validSettings, type PlayerStore } from './player-store';
import { playerSettings } from './player-settings-store';
import { isRecordingFile, placeRecording, RECORDING_ACCEPT, UPLOAD_FAILURE_KEY, uploadRecording, type UploadOutcome } from './upload-recording';
import { Waveform } from './Waveform';

export interface PlayerProps {
  store: PlayerStore;
  recordings: readonly Recording[];
  /** Store a changed list in the document (a normal edit, autosaved). */
  setRecordings: (next: Recording[]) => void;
  /** The recording shown (null: the first). */
  chosen: string | null;
  onChoose: (id: string) => void;
  /** The chosen recording changed, or became playable or not (the port follows). */
  onLoaded: (id: string | null) => void;
  readOnly: boolean;
}

type Availability = 'checking' | 'present' | 'missing';

export function Player({ store, recordings, setRecordings, chosen, onChoose, onLoaded, readOnly }: PlayerProps) {
  const { t } = useTranslation();
  const editor = useSlateStatic();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const audio = useRef<HTMLAudioElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const current = recordings.find((r) => r.id === chosen) ?? recordings[0] ?? null;
  const [availability, setAvailability] = useState<Record<string, Availability>>({});
  const [playing, setPlaying] = useState(false);
  const [duration, setDuration] = useState<number | null>(null);
  const [unsupported, setUnsupported] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [said, setSaid] = useState('');

  const available = current ? availability[current.id] : undefined;
  const missing = useMemo(() => new Set(Object.entries(availability).filter(([, a]) => a === 'missing').map(([id]) => id)), [availability]);

  // Whether the library holds each listed recording (a review file may have come without it).
  useEffect(() => {
    let live = true;
    for (const r of recordings) {
      if (availability[r.id] && availability[r.id] !== 'checking') continue;
      void fetch(mediaUrl(r.id), { method: 'HEAD' })
        .then((res) => (res.status === 404 ? 'missing' : 'present'))
        .catch(() => 'present' as const)
        .then((a) => live && setAvailability((prev) => ({ ...prev, [r.id]: a })));
    }
    return () => {
      live = false;
    };
  }, [recordings, availability]);

  const playable = !!current && available === 'present' && !unsupported;
  useEffect(() => {
    store.attach(playable ? audio.current : null);
    onLoaded(playable ? current.id : null);
  }, [store, playable, current, onLoaded]);
  useEffect(() => () => store.attach(null), [store]);

  // The element's state, shown: the element is the truth (player-store.ts).
  useEffect(() => {
    const el = audio.current;
    if (!el) return;
    setUnsupported(false);
    setPlaying(false);
    setDuration(current?.durationMs !== undefined ? current.durationMs / 1000 : null);
    const onPlay = () => setPlaying(true);
    const onPause = () => setPlaying(false);
    const onDuration = () => Number.isFinite(el.duration) && setDuration(el.duration);
    // MEDIA_ERR_SRC_NOT_SUPPORTED for a file the library holds: this browser lacks its codec.
    const onError = () => el.error?.code === 4 && setUnsupported(true);
    el.addEventListener('play', onPlay);
    el.addEventListener('pause', onPause);
    el.addEventListener('durationchange', onDuration);
    el.addEventListener('error', onError);
    return () => {
      el.removeEventListener('play', onPlay);
      el.removeEventListener('pause', onPause);
      el.removeEventListener('durationchange', onDuration);
      el.removeEventListener('error', onError);
    };
  }, [current]);

  const act = useCallback(
    (action: PlayerAction) => {
      switch (action) {
        case 'playPause':
          return void store.toggle();
        case 'back':
          return store.back();
        case 'forward':
          return store.forward();
        case 'slower':
          return store.slower();
        case 'faster':
          return store.faster();
        case 'follow':
          return store.toggleFollow();
        case 'stamp': {
          const ms = store.currentMs();
          if (ms === null || !current) return;
          // Times naming no recording point into the first one (schema.ts): the first is left unnamed.
          const recording = current.id === recordings[0]?.id ? undefined : current.id;
          const outcome = stampTime(editor, ms, recording, readOnly);
          const key = outcome.ok ? null : STAMP_REFUSAL_KEY[outcome.reason];
          setNotice(key ? { text: t(key), error: true } : null);
        }
      }
    },
    [store, editor, current, recordings, readOnly, t],
  );

  // The keys, in the capture phase: before the editor sees them, in every mode, while typing.
  useEffect(() => {
    if (!playable) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (store.remapping) return;
      const action = playerActionOf(event, keyPlatform, store.getSnapshot().settings.keys);
      if (!action) return;
      event.preventDefault();
      act(action);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [playable, act, store]);

  // Media keys and pedals that act as media keys (the OS's media session).
  useEffect(() => {
    const session = typeof navigator !== 'undefined' ? navigator.mediaSession : undefined;
    if (!session || !playable) return;
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => store.play()],
      ['pause', () => store.pause()],
      ['seekbackward', () => store.back()],
      ['seekforward', () => store.forward()],
    ];
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action, handler);
      } catch {
        // An action this browser does not know.
      }
    }
    return () => {
      for (const [action] of handlers) {
        try {
          session.setActionHandler(action, null);
        } catch {
          // As above.
        }
      }
    };
  }, [store, playable]);

  useFollow(editor, store, audio, playable && snapshot.follow, current?.id ?? null, !!current && current.id === recordings[0]?.id);

  const attach = useCallback(
    async (file: File) => {
      setBusy(file.name);
      setNotice(null);
      const outcome: UploadOutcome = await uploadRecording(file);
      setBusy(null);
      if (!outcome.ok) {
        setNotice({ text: t(UPLOAD_FAILURE_KEY[outcome.reason], { message: outcome.message }), error: true });
        return;
      }
      const rec = outcome.recording;
      const placed = placeRecording(recordings, rec, missing);
      if (placed.kind === 'full') {
        setNotice({ text: t('player.errorFull'), error: true });
        return;
      }
      setAvailability((prev) => ({ ...prev, [rec.id]: 'present' }));
      onChoose(rec.id);
      if (placed.kind === 'linked') {
        if (missing.has(rec.id)) setNotice({ text: t('player.linked', { name: rec.name }), error: false });
        return;
      }
      setRecordings(placed.recordings);
      if (placed.kind === 'addedNew') setNotice({ text: t('player.addedNew', { name: rec.name }), error: false });
    },
    [recordings, missing, setRecordings, onChoose, t],
  );

  // A recording dropped anywhere on the interview is attached (images keep going to the photos).
  useEffect(() => {
    const onDrop = (event: DragEvent) => {
      // A drop on a dialog is the dialog's (the import preview takes the transcript's recording).
      if (event.target instanceof Element && event.target.closest('dialog, [role="dialog"]')) return;
      const files = [...(event.dataTransfer?.files ?? [])].filter(isRecordingFile);
      if (files.length === 0) return;
      event.preventDefault();
      event.stopPropagation();
      void (async () => {
        for (const f of files) await attach(f);
      })();
    };
    window.addEventListener('drop', onDrop, true);
    return () => window.removeEventListener('drop', onDrop, true);
  }, [attach]);

  const pickFile = (
    <>
      <input
        ref={fileInput}
        type="file"
        accept={RECORDING_ACCEPT}
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void attach(file);
        }}
      />
      <button type="button" className="player-attach" onClick={() => fileInput.current?.click()} disabled={busy !== null} title={t('player.attachHint')}>
        {t('player.attach')}
      </button>
    </>
  );
  const status = (busy || notice) && (
    <span className={notice?.error ? 'player-notice error' : 'player-notice'} role={notice?.error ? 'alert' : 'status'}>
      {busy ? t('player.uploading', { name: busy }) : notice?.text}
    </span>
  );

  const seconds = (ms: number) => String(Math.round(ms / 100) / 10).replace('.', t('player.decimal'));

  // Before a recording is attached the player is only its Attach button, on the counts' row
  // (styles.css `.player.empty`): on a 768-pixel screen a row of its own would be a line of text less.
  const empty = !current && !status;
  return (
    <div className={empty ? 'player empty' : 'player'} role="region" aria-label={t('player.region')}>
      {current && <audio ref={audio} src={available === 'present' ? mediaUrl(current.id) : undefined} preload="metadata" />}
      {!current ? (
        <div className="player-row">
          {pickFile}
          {status}
        </div>
      ) : (
        <div className="player-row" role="toolbar" aria-label={t('player.region')}>
          {recordings.length > 1 && (
            <select aria-label={t('player.pick')} value={current.id} onChange={(e) => onChoose(e.target.value)}>
              {recordings.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                  {missing.has(r.id) ? ` (${t('player.missingShort')})` : ''}
                </option>
              ))}
            </select>
          )}
          {available === 'missing' ? (
            <>
              <span className="player-notice error" title={t('player.missingHint', { name: current.name })}>
                {t('player.missing')}
              </span>
              {pickFile}
            </>
          ) : unsupported ? (
            <>
              <span className="player-notice error" role="alert">
                {t('player.unsupported', { name: current.name, mime: current.mime })}
              </span>
              {pickFile}
            </>
          ) : (
            <>
              <button type="button" onClick={() => store.back()} disabled={!playable} aria-label={t('player.back', { seconds: seconds(snapshot.settings.backMs) })} title={t('player.back', { seconds: seconds(snapshot.settings.backMs) })}>
                ⟲
              </button>
              <button type="button" className="player-play" onClick={() => store.toggle()} disabled={!playable} aria-label={playing ? t('player.pause') : t('player.play')} title={playing ? t('player.pause') : t('player.play')}>
                {playing ? '❚❚' : '▶'}
              </button>
              <button type="button" onClick={() => store.forward()} disabled={!playable} aria-label={t('player.forward', { seconds: seconds(snapshot.settings.forwardMs) })} title={t('player.forward', { seconds: seconds(snapshot.settings.forwardMs) })}>
                ⟳
              </button>
              <span className="player-rate" role="group" aria-label={t('player.speed')}>
                <button type="button" onClick={() => store.slower()} disabled={!playable} aria-label={t('player.slower')} title={t('player.slower')}>
                  −
                </button>
                <output className="player-rate-value" aria-label={t('player.speed')}>{`${snapshot.rate}×`.replace('.', t('player.decimal'))}</output>
                <button type="button" onClick={() => store.faster()} disabled={!playable} aria-label={t('player.faster')} title={t('player.faster')}>
                  +
                </button>
              </span>
              <Clock audio={audio} duration={duration} onSay={setSaid} />
              <Waveform store={store} audio={audio} recording={current} first={current.id === recordings[0]?.id} duration={duration} playable={playable} />
              <button type="button" aria-pressed={snapshot.follow} onClick={() => store.toggleFollow()} title={t('player.followHint')}>
                {t('player.follow')}
              </button>
              <PlayerSettingsMenu store={store} />
              {status}
              {pickFile}
            </>
          )}
        </div>
      )}
      {/* Polite, and only when asked for: a region ticking every second would talk over the typing. */}
      <span className="visually-hidden" aria-live="polite">
        {said}
      </span>
    </div>
  );
}

/** Current time / duration; pressing it says the time once (aria-live above). */
function Clock({ audio, duration, onSay }: { audio: React.RefObject<HTMLAudioElement | null>; duration: number | null; onSay: (text: string) => void }) {
  const { t } = useTranslation();
  const ms = useMediaPositionMs(audio);
  const current = formatClock(ms);
  const total = duration !== null ? formatClock(duration * 1000) : '–:––';
  return (
    <button type="button" className="player-clock" title={t('player.sayTime')} aria-label={t('player.sayTime')} onClick={() => onSay(t('player.timeSaid', { current, duration: total }))}>
      <span aria-hidden="true">{t('player.time', { current, duration: total })}</span>
    </button>
  );
}

/** The steps, the rewind on resume (in seconds) and the keys, stored in the library. */
function PlayerSettingsMenu({ store }: { store: PlayerStore }) {
  const { t } = useTranslation();
  const setting = playerSettings();
  const settings = useSyncExternalStore(setting.subscribe, setting.get);
  const problem = useSyncExternalStore(setting.subscribe, setting.problem);
  const change = (next: PlayerSettings) => {
    setting.show(next);
    void setting.save();
  };
  const field = (label: string, key: 'backMs' | 'forwardMs' | 'rewindMs', min: number, max: number) => (
    <label>
      {label}
      <input
        type="number"
        min={min}
        max={max}
        step={0.5}
        value={settings[key] / 1000}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (e.target.value === '' || !Number.isFinite(v)) return;
          const valid = validSettings({ ...settings, [key]: v * 1000 });
          if (valid[key] !== settings[key]) change(valid);
        }}
      />
    </label>
  );
  return (
    <details
      className="player-settings"
      // The panel opens on the side with more room: upward when the dock sits at the window's
      // bottom (a long story), downward when a short story leaves the dock high on the screen.
      onToggle={(event) => {
        const el = event.currentTarget;
        if (!el.open) return;
        const r = el.getBoundingClientRect();
        el.classList.toggle('opens-down', r.top < innerHeight - r.bottom);
      }}
    >
      <summary aria-label={t('player.settings')} title={t('player.settings')}>
        ⚙
      </summary>
      <div className="player-settings-panel">
        {field(t('player.backStep'), 'backMs', 0.5, 60)}
        {field(t('player.forwardStep'), 'forwardMs', 0.5, 60)}
        {field(t('player.rewind'), 'rewindMs', 0, 10)}
        <KeyMapEditor store={store} settings={settings} onChange={change} />
        {problem?.action === 'save' && (
          <p className="error" role="alert">
            {t('player.saveFailed', { message: problem.message })}
          </p>
        )}
      </div>
    </details>
  );
}

/** Each action's keys, and "Change": the next key pressed becomes its key, unless it clashes (then why). */
function KeyMapEditor({ store, settings, onChange }: { store: PlayerStore; settings: PlayerSettings; onChange: (next: PlayerSettings) => void }) {
  const { t } = useTranslation();
  const [listening, setListening] = useState<PlayerAction | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const keys = playerKeys(settings.keys, keyPlatform);

  useEffect(() => {
    if (!listening) return;
    store.setRemapping(true);
    const onKeyDown = (event: KeyboardEvent) => {
      if (isComposingKey(event)) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.key === 'Escape') return setListening(null);
      const accelerator = acceleratorOfEvent(event, keyPlatform);
      if (!accelerator) return;
      const map = { ...settings.keys, [listening]: [accelerator] };
      const problem = keyMapProblem(map, keyPlatform);
      setListening(null);
      if (problem) return setRefusal(t(`player.keyProblem.${problem.problem}`, { key: formatAccelerator(accelerator, keyPlatform) }));
      setRefusal(null);
      onChange({ ...settings, keys: map });
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      store.setRemapping(false);
    };
  }, [listening, settings, onChange, store, t]);

  return (
    <fieldset className="player-keys">
      <legend>{t('player.keys')}</legend>
      {PLAYER_ACTIONS.map((action) => (
        <div key={action} className="player-key-row">
          <span>{t(shortcut(PLAYER_SHORTCUTS[action]).description)}</span>
          <kbd>{keys[action].map((k) => formatAccelerator(k, keyPlatform)).join(` ${t('shortcuts.or')} `)}</kbd>
          <button type="button" aria-pressed={listening === action} onClick={() => setListening(listening === action ? null : action)}>
            {listening === action ? t('player.pressKey') : t('player.changeKey')}
          </button>
        </div>
      ))}
      {settings.keys && (
        <button
          type="button"
          onClick={() => {
            const { keys: _own, ...rest } = settings;
            onChange(rest);
          }}
        >
          {t('player.resetKeys')}
        </button>
      )}
      {refusal && (
        <p className="error" role="alert">
          {refusal}
        </p>
      )}
    </fieldset>
  );
}

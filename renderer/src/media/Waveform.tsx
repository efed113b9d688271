/**
 * The recording as a bar: its peaks (when computed, waveform-peaks.ts), the parts already
 * transcribed shaded (transcribed-ranges.ts), and the position. Clicking plays from there; as a
 * slider it also takes the arrow keys (back and forward by the player's steps).
 *
 * A long recording's peaks come in as a worker reads them and are drawn as they come, a column not
 * known (not read yet, or its window could not be decoded) as a gap; a long one that cannot be read
 * in parts (MP4/M4A/MOV, WebM) has the plain bar, and the title says why.
 *
 * Drawn on a canvas, redrawn when the position moves (the element's timeupdate, about four times a
 * second) or what it shows changes; the transcribed parts are read from the text at most once a
 * second, never on a keystroke.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlateStatic } from 'slate-react';
import { formatClock } from '../../../shared/model/media-time';
import type { Block, Recording } from '../../../shared/model/schema';
import { mediaUrl } from '../../../shared/api/media-upload';
import type { PlayerStore } from './player-store';
import { useMediaPositionMs } from './use-media-position';
import { paragraphTimes, transcribedRanges, type Range } from './transcribed-ranges';
import { longRecordingPeaks, PEAKS_MAX_BYTES, recordingPeaks } from './waveform-peaks';

interface Props {
  store: PlayerStore;
  audio: React.RefObject<HTMLAudioElement | null>;
  recording: Recording;
  first: boolean;
  duration: number | null;
  playable: boolean;
}

export function Waveform({ store, audio, recording, first, duration, playable }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  // The stylesheet's colours, read once (a style lookup on every redraw would cost a layout flush).
  const colours = useRef<CSSStyleDeclaration | null>(null);
  // Keyed by recording, so another recording's peaks are never drawn while its own are computed.
  const [computed, setComputed] = useState<{ id: string; peaks: Float32Array | 'none' | 'unreadable'; done: boolean } | null>(null);
  const [ranges, setRanges] = useState<Range[]>([]);
  const positionMs = useMediaPositionMs(audio);
  const editor = useSlateStatic();

  // Read from the text once a second when it changed, never on the keystroke's path: a
  // subscription to the editor's value would re-render the player on every key.
  useEffect(() => {
    let seen: unknown = null;
    const read = () => {
      if (editor.children === seen) return;
      seen = editor.children;
      const next = transcribedRanges(paragraphTimes(editor.children as Block[]), recording.id, first);
      setRanges((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
    };
    read();
    const timer = setInterval(read, 1000);
    return () => clearInterval(timer);
  }, [editor, recording.id, first]);

  // Over the size a browser decodes whole, the recording is read by windows in a worker (waveform-peaks.ts).
  const long = recording.bytes > PEAKS_MAX_BYTES;
  useEffect(() => {
    let live = true;
    if (!playable) return;
    const id = recording.id;
    if (long) {
      const stop = longRecordingPeaks(id, mediaUrl(id), recording.bytes, (state) => {
        if (!live) return;
        if (typeof state === 'string') setComputed({ id, peaks: state === 'failed' ? 'none' : 'unreadable', done: true });
        else setComputed({ id, peaks: state.peaks, done: state.done });
      });
      return () => {
        live = false;
        stop();
      };
    }
    void recordingPeaks(id, mediaUrl(id)).then((p) => live && setComputed({ id, peaks: p ?? 'none', done: true }));
    return () => {
      live = false;
    };
  }, [recording.id, recording.bytes, playable, long]);

  const shown = computed?.id === recording.id ? computed : null;
  const peaks = shown?.peaks ?? null;
  const totalMs = duration !== null && duration > 0 ? duration * 1000 : null;

  const draw = useCallback(() => {
    const c = canvas.current;
    const g = c?.getContext('2d');
    if (!c || !g) return;
    const ratio = window.devicePixelRatio || 1;
    const width = c.clientWidth;
    const height = c.clientHeight;
    if (c.width !== Math.round(width * ratio) || c.height !== Math.round(height * ratio)) {
      c.width = Math.round(width * ratio);
      c.height = Math.round(height * ratio);
    }
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    colours.current ??= getComputedStyle(c);
    const style = colours.current;
    g.clearRect(0, 0, width, height);
    g.fillStyle = style.getPropertyValue('--wave-bg') || '#eee';
    g.fillRect(0, 0, width, height);
    if (totalMs) {
      g.fillStyle = style.getPropertyValue('--wave-done') || '#cde';
      for (const [a, b] of ranges) g.fillRect((a / totalMs) * width, 0, Math.max(1, ((b - a) / totalMs) * width), height);
    }
    if (peaks instanceof Float32Array) {
      g.fillStyle = style.getPropertyValue('--wave-peak') || '#889';
      const step = width / peaks.length;
      // Scaled to the loudest column: a quiet interview still shows where the voices are. NaN is a
      // column not known: left out of the scale and undrawn (a gap, not a guess).
      const loudest = peaks.reduce((m, v) => (Number.isNaN(v) ? m : Math.max(m, v)), 0) || 1;
      for (let i = 0; i < peaks.length; i++) {
        if (Number.isNaN(peaks[i])) continue;
        const h = Math.max(1, (peaks[i]! / loudest) * (height - 4));
        g.fillRect(i * step, (height - h) / 2, Math.max(1, step - 0.5), h);
      }
    }
    if (totalMs) {
      g.fillStyle = style.getPropertyValue('--wave-position') || '#c00';
      g.fillRect(Math.min(width - 2, (positionMs / totalMs) * width), 0, 2, height);
    }
  }, [peaks, ranges, positionMs, totalMs]);

  useEffect(draw, [draw]);
  useEffect(() => {
    const c = canvas.current;
    if (!c || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => draw());
    observer.observe(c);
    return () => observer.disconnect();
  }, [draw]);

  const onClick = (event: MouseEvent<HTMLCanvasElement>) => {
    if (!totalMs) return;
    const box = event.currentTarget.getBoundingClientRect();
    store.seek(((event.clientX - box.left) / box.width) * totalMs);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>) => {
    if (event.key === 'ArrowLeft') store.back();
    else if (event.key === 'ArrowRight') store.forward();
    else return;
    event.preventDefault();
  };

  const title = peaks === 'unreadable' ? t('player.noPeaksLong', { mb: PEAKS_MAX_BYTES / 1024 / 1024 }) : peaks === 'none' ? t('player.peaksFailed') : t('player.waveform');
  // Whether the waveform is drawn, being drawn, or not drawn (and why, in the title).
  const state = peaks === null ? 'waiting' : typeof peaks === 'string' ? 'none' : shown?.done ? 'drawn' : 'drawing';
  return (
    <canvas
      ref={canvas}
      className="player-wave"
      role="slider"
      tabIndex={playable ? 0 : -1}
      aria-label={t('player.position')}
      aria-valuemin={0}
      aria-valuemax={totalMs ? Math.round(totalMs / 1000) : 0}
      aria-valuenow={Math.round(positionMs / 1000)}
      aria-valuetext={formatClock(positionMs)}
      title={title}
      data-peaks={state}
      onClick={onClick}
      onKeyDown={onKeyDown}
    />
  );
}

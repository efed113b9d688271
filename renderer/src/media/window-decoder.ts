/**
 * The peaks of a long compressed recording from the windows the worker cuts (waveform-worker.ts),
 * decoded on the main thread one at a time, each in an idle moment, so typing is never held up by
 * more than one small decode (a window is a fraction of a second of audio). Columns not yet
 * decoded, and those whose window could not be decoded, are NaN: drawn as a gap, never guessed.
 */

/** The loudest sample (0–1) of a window, or null when it cannot be decoded. */
export type DecodeLoudest = (bytes: Uint8Array) => Promise<number | null>;

/** What is known so far: the peaks (NaN where unknown) and whether every window has been decoded; 'failed' when none could be. */
export type WindowPeaks = { peaks: Float32Array; done: boolean } | 'failed';

export interface WindowDecoder {
  add(columnFrom: number, columnTo: number, bytes: Uint8Array | null): void;
  /** No more windows will come. */
  finish(): void;
  stop(): void;
}

/** An idle moment where the browser has one, else the next task. */
const idle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => run(), { timeout: 500 }) : setTimeout(run, 0));

/** Report after this many windows (and at the end): a redraw per window would be wasted work. */
const WINDOWS_PER_REPORT = 10;

export function windowDecoder(columns: number, decode: DecodeLoudest, onPeaks: (state: WindowPeaks) => void, schedule: (run: () => void) => unknown = idle): WindowDecoder {
  const peaks = new Float32Array(columns).fill(NaN);
  const queue: { columnFrom: number; columnTo: number; bytes: Uint8Array | null }[] = [];
  let busy = false;
  let finished = false;
  let stopped = false;
  let decoded = 0;
  let sinceReport = 0;

  let over = false;

  const report = () => {
    const done = finished && queue.length === 0 && !busy;
    if (over || (!done && sinceReport < WINDOWS_PER_REPORT)) return;
    sinceReport = 0;
    over = done;
    onPeaks(done && decoded === 0 ? 'failed' : { peaks: peaks.slice(), done });
  };

  const next = () => {
    if (stopped || busy) return;
    const w = queue.shift();
    if (!w) return report();
    busy = true;
    schedule(() => {
      if (stopped) return;
      const loud = w.bytes ? decode(w.bytes).catch(() => null) : Promise.resolve(null);
      void loud.then((value) => {
        busy = false;
        if (stopped) return;
        if (value !== null && Number.isFinite(value)) {
          peaks.fill(Math.min(1, Math.max(0, value)), w.columnFrom, w.columnTo);
          decoded++;
        }
        sinceReport++;
        report();
        next();
      });
    });
  };

  return {
    add(columnFrom, columnTo, bytes) {
      queue.push({ columnFrom, columnTo, bytes });
      next();
    },
    finish() {
      finished = true;
      if (!busy) next();
    },
    stop() {
      stopped = true;
      queue.length = 0;
    },
  };
}

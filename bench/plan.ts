/**
 * What `npm run bench` measures, and how much of it. Sized so the whole run stays well under
 * 10 minutes on a 2-core machine: the 20,000-paragraph documents get one page load and 20 keys
 * per caret position (one key there costs up to ~0.3 s in the plain contenteditable and a load
 * takes ~10 s), the others three loads and 60 keys per position (enough for a nearest-rank p95).
 */
import type { TypingMode } from './editor-targets';
import type { CaretPosition } from './page-probes';

export interface EditorSize {
  paragraphs: number;
  loads: number;
  keys: number;
  warmup: number;
  /** Modes the app is typed in at this size (the baseline has no modes). */
  modes: readonly TypingMode[];
  openTimeoutMs: number;
}

export const PLAN = {
  seed: 20261127,
  photosPerInterview: 50,
  photoImages: 5,
  positions: ['start', 'middle', 'end'] as readonly CaretPosition[],
  editorSizes: [
    { paragraphs: 200, loads: 3, keys: 60, warmup: 5, modes: ['editing'], openTimeoutMs: 60_000 },
    { paragraphs: 2_000, loads: 3, keys: 60, warmup: 5, modes: ['editing', 'suggesting', 'playing'], openTimeoutMs: 60_000 },
    { paragraphs: 20_000, loads: 1, keys: 20, warmup: 2, modes: ['editing'], openTimeoutMs: 180_000 },
  ] as readonly EditorSize[],
  /** The size the targets for typing (Editing, Suggesting, with the recording playing), open and heap are set at. */
  referenceSize: 2_000,
  largeSize: 20_000,
  autosaves: 15,
  /** One-character autosaves timed at each editor size (after 5 warm-up saves). */
  autosavesPerSize: 40,
  /**
   * A session of autosaves at the reference size: how much the library file grows. Two seconds
   * apart is typing (one working burst after another, revision-bursts.ts); six minutes apart makes
   * every save a revision of its own, which the retention policy then thins (the most kept).
   */
  growth: { autosaves: 1_000, everyMs: [2_000, 6 * 60_000] },
  importBytes: 1 << 20,
  library: { interviews: 10_000, queries: 60 },
  /** New processes per kind of `interview-desk --help` start (bench/cli-startup.ts); the median is reported. */
  cliRuns: 10,
};

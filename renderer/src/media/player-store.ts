/**
 * The transcription player's behaviour, apart from React and the DOM: what play, pause, the steps,
 * the speed and a seek do to the media element. The element itself holds where the recording is and
 * whether it plays (nothing here keeps a second copy that could disagree with what is heard); the
 * store keeps only what the element cannot: the reporter's settings, the speed wanted for the next
 * recording loaded, whether following is on, and whether the next play is a resume.
 *
 * Resuming goes back `rewindMs` first (Express Scribe's "auto-backspace", oTranscribe's rewind on
 * resume): a typist pauses in the middle of a phrase and needs its start again to go on. A play
 * that starts from a seek (a margin time clicked, the waveform clicked) plays from exactly there.
 */
import { DEFAULT_PLAYER_SETTINGS, type PlayerSettings } from '../../../shared/api/player-settings';

export interface MediaLike {
  /** Seconds, as HTMLMediaElement. */
  currentTime: number;
  readonly duration: number;
  readonly paused: boolean;
  playbackRate: number;
  preservesPitch: boolean;
  play(): Promise<void>;
  pause(): void;
}

export type { PlayerSettings };
export { DEFAULT_PLAYER_SETTINGS };

/** Bounds of the settings: a step from half a second to a minute, a rewind up to ten seconds. */
export const STEP_BOUNDS = { min: 500, max: 60_000 } as const;
export const REWIND_BOUNDS = { min: 0, max: 10_000 } as const;

/** The speeds offered, from half to double: slower and faster go one step along this list. */
export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Settings as stored or typed, made valid: out-of-range or non-numeric values take the bound or the default. */
export function validSettings(input: Partial<Record<'backMs' | 'forwardMs' | 'rewindMs', unknown>> & Pick<Partial<PlayerSettings>, 'keys'>): PlayerSettings {
  const num = (v: unknown, fallback: number, bounds: { min: number; max: number }) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(clamp(v, bounds.min, bounds.max)) : fallback);
  return {
    backMs: num(input.backMs, DEFAULT_PLAYER_SETTINGS.backMs, STEP_BOUNDS),
    forwardMs: num(input.forwardMs, DEFAULT_PLAYER_SETTINGS.forwardMs, STEP_BOUNDS),
    rewindMs: num(input.rewindMs, DEFAULT_PLAYER_SETTINGS.rewindMs, REWIND_BOUNDS),
    ...(input.keys ? { keys: input.keys } : {}),
  };
}

/** The next speed along RATES, up or down from `rate` (a rate between two steps goes to the nearer one that way); clamped at the ends. */
export function nextRate(rate: number, direction: 1 | -1): number {
  if (direction > 0) return RATES.find((r) => r > rate + 1e-9) ?? RATES[RATES.length - 1]!;
  return [...RATES].reverse().find((r) => r < rate - 1e-9) ?? RATES[0];
}

export interface PlayerSnapshot {
  settings: PlayerSettings;
  rate: number;
  follow: boolean;
}

export class PlayerStore {
  private media: MediaLike | null = null;
  /** The next play is a resume after a pause, and goes back `rewindMs` first. */
  private resuming = false;
  /** Asked to play from here before the recording was loaded (a margin time of another recording). */
  private pendingSeekMs: number | null = null;
  private snapshot: PlayerSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(settings: PlayerSettings = DEFAULT_PLAYER_SETTINGS) {
    this.snapshot = { settings: validSettings(settings), rate: 1, follow: false };
  }

  getSnapshot = (): PlayerSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: Partial<PlayerSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...next };
    for (const l of this.listeners) l();
  }

  /** The element that plays the chosen recording (null: none loaded). It takes the speed chosen. */
  attach(media: MediaLike | null): void {
    this.media = media;
    this.resuming = false;
    if (media) {
      // The browser's default, said explicitly: a slower voice keeps its pitch (no tape drawl).
      media.preservesPitch = true;
      media.playbackRate = this.snapshot.rate;
      const pending = this.pendingSeekMs;
      this.pendingSeekMs = null;
      if (pending !== null) this.seek(pending);
    }
  }

  get loaded(): boolean {
    return this.media !== null;
  }

  currentMs(): number | null {
    return this.media ? Math.round(this.media.currentTime * 1000) : null;
  }

  /** Play, or pause when playing. Returns what it did (null: nothing loaded). */
  toggle(): 'play' | 'pause' | null {
    if (!this.media) return null;
    if (this.media.paused) {
      this.play();
      return 'play';
    }
    this.pause();
    return 'pause';
  }

  play(): void {
    const media = this.media;
    if (!media || !media.paused) return;
    if (this.resuming) media.currentTime = Math.max(0, media.currentTime - this.snapshot.settings.rewindMs / 1000);
    this.resuming = false;
    // A refused play (no codec, autoplay policy) is reported by the element's own error event.
    media.play().catch(() => undefined);
  }

  pause(): void {
    const media = this.media;
    if (!media || media.paused) return;
    media.pause();
    this.resuming = true;
  }

  back(): void {
    this.moveBy(-this.snapshot.settings.backMs);
  }

  forward(): void {
    this.moveBy(this.snapshot.settings.forwardMs);
  }

  private moveBy(ms: number): void {
    const media = this.media;
    if (!media) return;
    media.currentTime = this.clampToDuration(media.currentTime + ms / 1000);
  }

  private clampToDuration(seconds: number): number {
    const duration = this.media?.duration;
    const max = duration !== undefined && Number.isFinite(duration) ? duration : Infinity;
    return clamp(seconds, 0, max);
  }

  /** Play from exactly `ms` (a margin time, the waveform): no rewind. */
  seek(ms: number, play = true): void {
    const media = this.media;
    if (!Number.isFinite(ms)) return;
    if (!media) {
      this.pendingSeekMs = ms;
      return;
    }
    media.currentTime = this.clampToDuration(ms / 1000);
    this.resuming = false;
    if (play && media.paused) media.play().catch(() => undefined);
  }

  faster(): void {
    this.setRate(nextRate(this.snapshot.rate, 1));
  }

  slower(): void {
    this.setRate(nextRate(this.snapshot.rate, -1));
  }

  setRate(rate: number): void {
    const r = clamp(rate, RATES[0], RATES[RATES.length - 1]!);
    if (this.media) {
      this.media.preservesPitch = true;
      this.media.playbackRate = r;
    }
    if (r !== this.snapshot.rate) this.set({ rate: r });
  }

  setFollow(follow: boolean): void {
    if (follow !== this.snapshot.follow) this.set({ follow });
  }

  toggleFollow(): void {
    this.setFollow(!this.snapshot.follow);
  }

  /** While a new key is being chosen in the settings, the player's keys do nothing. */
  private choosingKey = false;

  get remapping(): boolean {
    return this.choosingKey;
  }

  setRemapping(on: boolean): void {
    this.choosingKey = on;
  }

  setSettings(settings: Partial<PlayerSettings>): void {
    this.set({ settings: validSettings({ ...this.snapshot.settings, ...settings }) });
  }
}

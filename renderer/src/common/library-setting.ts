/**
 * One setting kept in the library (a `get` / `save` pair of backend channels), as the renderer holds
 * it: read from the library, shown at once when it changes, then stored.
 *
 * Saves go one at a time, each sending the latest value, so a slow answer can never put an older
 * value back. A failed save goes back to what the library last confirmed and keeps the problem to
 * show (until dismissed, or until the `saved` hook clears it), so what the user sees is what the
 * next start shows. A failed read is forgotten, so the next `load` tries again.
 *
 * The stores of the UI language (i18n/ui-language-setting.ts) and of the spelling settings
 * (spelling/library-spelling-settings.ts) are built on this one; they decide when to read and when
 * a change may be stored.
 */
import type { Result } from '../../../shared/api/result';

/** How a setting reaches the library. */
export interface LibrarySettingChannel<T> {
  read(): Promise<Result<T>>;
  write(value: T): Promise<Result<unknown>>;
}

/** `load`: the setting could not be read; `save`: a change could not be stored and was undone. */
export interface LibrarySettingProblem {
  action: 'load' | 'save';
  message: string;
}

export interface LibrarySettingHooks<T> {
  /** After a failed save put back the stored value; `before` is the value that was shown. */
  reverted?(before: T): void;
  /** After each value the library confirmed. */
  saved?(): void;
}

export class LibrarySetting<T> {
  private shown: T;
  /** The last value the library confirmed: what a failed save goes back to. */
  private stored: T;
  private trouble: LibrarySettingProblem | null = null;
  /** Resolves to whether the setting was read; forgotten on failure, so the next load tries again. */
  private loading: Promise<boolean> | null = null;
  private saving = false;
  private saveAgain = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly channel: LibrarySettingChannel<T>,
    initial: T,
    private readonly hooks: LibrarySettingHooks<T> = {},
  ) {
    this.shown = this.stored = initial;
  }

  /** The value shown; the same value until it changes (for useSyncExternalStore). */
  get = (): T => this.shown;

  problem = (): LibrarySettingProblem | null => this.trouble;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Reads the library's value, once it has been read successfully. */
  load(): Promise<boolean> {
    this.loading ??= call(() => this.channel.read()).then((result) => {
      if (!result.ok) {
        this.loading = null;
        this.setProblem({ action: 'load', message: result.error.message });
        return false;
      }
      this.shown = this.stored = result.value;
      if (this.trouble?.action === 'load') this.trouble = null;
      this.emit();
      return true;
    });
    return this.loading;
  }

  /** Shows a value at once, without storing it. */
  show(value: T): void {
    this.shown = value;
    this.emit();
  }

  /** Stores the value shown; while a save is under way, the latest value follows it. */
  async save(): Promise<void> {
    if (this.saving) {
      this.saveAgain = true;
      return;
    }
    this.saving = true;
    try {
      do {
        this.saveAgain = false;
        const sent = this.shown;
        const result = await call(() => this.channel.write(sent));
        if (!result.ok) {
          const before = this.shown;
          this.shown = this.stored;
          this.saveAgain = false;
          this.setProblem({ action: 'save', message: result.error.message });
          this.hooks.reverted?.(before);
          return;
        }
        this.stored = sent;
        this.hooks.saved?.();
      } while (this.saveAgain);
    } finally {
      this.saving = false;
    }
  }

  dismissProblem(): void {
    this.setProblem(null);
  }

  private setProblem(problem: LibrarySettingProblem | null): void {
    this.trouble = problem;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** A transport that throws (a broken connection mid-answer) is a failed result like any other. */
async function call<T>(request: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await request();
  } catch (err) {
    return { ok: false, error: { code: 'unavailable', message: err instanceof Error ? err.message : String(err) } };
  }
}

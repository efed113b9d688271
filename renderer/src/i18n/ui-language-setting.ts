/**
 * The UI language setting, as the app holds it: read from the library once at start (`ui.get`),
 * changed in Settings and applied at once, then stored (`ui.save`). Saves go one at a time, each
 * sending the latest choice, so a slow answer never puts an older one back; a failed save goes back
 * to what the library holds and says why, so what the user sees is what the next start shows.
 */
import type { Api } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { DEFAULT_UI_SETTINGS, uiLanguageFor, type UiLanguageChoice } from '../../../shared/api/ui-settings';
import type { Language } from '../../../shared/model/schema';

export type UiSettingsApi = Pick<Api['ui'], 'get' | 'save'>;

/** `load`: the setting could not be read (the system's language is used); `save`: a change could not be stored and was undone. */
export interface UiLanguageProblem {
  action: 'load' | 'save';
  message: string;
}

export class UiLanguageSetting {
  private current: UiLanguageChoice = DEFAULT_UI_SETTINGS.language;
  private stored: UiLanguageChoice = DEFAULT_UI_SETTINGS.language;
  private trouble: UiLanguageProblem | null = null;
  private loading: Promise<UiLanguageChoice> | null = null;
  private saving = false;
  private saveAgain = false;
  private readonly listeners = new Set<() => void>();
  private readonly languageListeners = new Set<(language: Language) => void>();

  constructor(
    private readonly api: UiSettingsApi,
    /** The system's preferred languages, read each time (they can change while the app runs). */
    private readonly preferred: () => readonly string[],
  ) {}

  /** The choice as Settings shows it; the same value until it changes (for useSyncExternalStore). */
  choice = (): UiLanguageChoice => this.current;

  /** The language the UI speaks for the current choice. */
  language = (): Language => uiLanguageFor(this.current, this.preferred());

  problem = (): UiLanguageProblem | null => this.trouble;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Told the language to speak whenever it changes (a choice, a failed save, the system's change). */
  onLanguage(listener: (language: Language) => void): () => void {
    this.languageListeners.add(listener);
    return () => this.languageListeners.delete(listener);
  }

  /** Reads the library's choice once; on failure the system's language, with the problem kept. */
  load(): Promise<UiLanguageChoice> {
    this.loading ??= call(() => this.api.get({})).then((result) => {
      if (result.ok) this.current = this.stored = result.value.settings.language;
      else this.trouble = { action: 'load', message: result.error.message };
      this.emit();
      return this.current;
    });
    return this.loading;
  }

  /** Applies a choice at once and stores it. */
  set(choice: UiLanguageChoice): void {
    if (choice === this.current) return;
    this.change(choice);
    void this.save();
  }

  /** The system's languages changed: a UI following the system follows them. */
  systemChanged(): void {
    if (this.current === 'system') this.announce();
  }

  dismissProblem(): void {
    this.trouble = null;
    this.emit();
  }

  private change(choice: UiLanguageChoice): void {
    const before = this.language();
    this.current = choice;
    this.emit();
    if (this.language() !== before) this.announce();
  }

  private async save(): Promise<void> {
    if (this.saving) {
      this.saveAgain = true;
      return;
    }
    this.saving = true;
    try {
      do {
        this.saveAgain = false;
        const sent = this.current;
        const result = await call(() => this.api.save({ settings: { language: sent } }));
        if (!result.ok) {
          this.saveAgain = false;
          this.trouble = { action: 'save', message: result.error.message };
          this.change(this.stored);
          return;
        }
        this.stored = sent;
        if (this.trouble) this.dismissProblem();
      } while (this.saveAgain);
    } finally {
      this.saving = false;
    }
  }

  private announce(): void {
    const language = this.language();
    for (const listener of this.languageListeners) listener(language);
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

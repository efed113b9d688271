/**
 * The UI language setting, as the app holds it: read from the library once at start (`ui.get`),
 * changed in Settings and applied at once, then stored (`ui.save`); how it is stored (one save at
 * a time, the latest choice winning, a failed save going back to what the library holds and saying
 * why) is library-setting.ts's. This adds what only a language has: the language a choice speaks,
 * and telling the UI when that changes.
 */
import type { Api } from '../../../shared/api/contract';
import { DEFAULT_UI_SETTINGS, uiLanguageFor, type UiLanguageChoice } from '../../../shared/api/ui-settings';
import type { Language } from '../../../shared/model/schema';
import { LibrarySetting, type LibrarySettingProblem } from '../common/library-setting';

export type UiSettingsApi = Pick<Api['ui'], 'get' | 'save'>;

/** `load`: the setting could not be read (the system's language is used); `save`: a change could not be stored and was undone. */
export type UiLanguageProblem = LibrarySettingProblem;

export class UiLanguageSetting {
  private readonly setting: LibrarySetting<UiLanguageChoice>;
  /** Read once: a failed read leaves the system's language for this run. */
  private loading: Promise<UiLanguageChoice> | null = null;
  private readonly languageListeners = new Set<(language: Language) => void>();

  constructor(
    api: UiSettingsApi,
    /** The system's preferred languages, read each time (they can change while the app runs). */
    private readonly preferred: () => readonly string[],
  ) {
    this.setting = new LibrarySetting<UiLanguageChoice>(
      {
        read: () => api.get({}).then((result) => (result.ok ? { ok: true, value: result.value.settings.language } : result)),
        write: (language) => api.save({ settings: { language } }),
      },
      DEFAULT_UI_SETTINGS.language,
      {
        reverted: (before) => {
          if (uiLanguageFor(before, this.preferred()) !== this.language()) this.announce();
        },
        // A choice the library took answers any earlier problem.
        saved: () => {
          if (this.setting.problem()) this.setting.dismissProblem();
        },
      },
    );
  }

  /** The choice as Settings shows it; the same value until it changes (for useSyncExternalStore). */
  choice = (): UiLanguageChoice => this.setting.get();

  /** The language the UI speaks for the current choice. */
  language = (): Language => uiLanguageFor(this.choice(), this.preferred());

  problem = (): UiLanguageProblem | null => this.setting.problem();

  subscribe = (listener: () => void): (() => void) => this.setting.subscribe(listener);

  /** Told the language to speak whenever it changes (a choice, a failed save, the system's change). */
  onLanguage(listener: (language: Language) => void): () => void {
    this.languageListeners.add(listener);
    return () => this.languageListeners.delete(listener);
  }

  /** Reads the library's choice once; on failure the system's language, with the problem kept. */
  load(): Promise<UiLanguageChoice> {
    this.loading ??= this.setting.load().then(() => this.choice());
    return this.loading;
  }

  /** Applies a choice at once and stores it. */
  set(choice: UiLanguageChoice): void {
    if (choice === this.choice()) return;
    const before = this.language();
    this.setting.show(choice);
    if (this.language() !== before) this.announce();
    void this.setting.save();
  }

  /** The system's languages changed: a UI following the system follows them. */
  systemChanged(): void {
    if (this.choice() === 'system') this.announce();
  }

  dismissProblem(): void {
    this.setting.dismissProblem();
  }

  private announce(): void {
    const language = this.language();
    for (const listener of this.languageListeners) listener(language);
  }
}

/**
 * The spelling settings kept in the library (backend channels `spelling.get` / `spelling.save`).
 *
 * Loaded once, when the first reader subscribes. Every change shows at once and is then stored
 * (optimistic): saves go one at a time, each sending the latest state, so a slow answer can never
 * put an older state back. If a save fails the settings go back to what the library holds and the
 * problem is shown until dismissed, so what the user sees is always what will be there next start.
 * A change made before the settings have loaded waits for them, so it cannot overwrite the stored
 * dictionary with an empty one.
 */
import type { Api } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { DEFAULT_SPELLING_SETTINGS, MAX_PERSONAL_WORDS, personalWordSchema } from '../../../shared/api/spelling-settings';
import type { HouseStyle } from '../../../shared/vietnamese/tone-placement';
import type { SpellingSettings, SpellingSettingsProblem, SpellingSettingsStore } from './spelling-settings';

export type SpellingApi = Pick<Api['spelling'], 'get' | 'save'>;

export class LibrarySpellingSettings implements SpellingSettingsStore {
  private settings: SpellingSettings = DEFAULT_SPELLING_SETTINGS;
  /** The last state the library confirmed: what a failed save goes back to. */
  private stored: SpellingSettings = DEFAULT_SPELLING_SETTINGS;
  private trouble: SpellingSettingsProblem | null = null;
  /** Resolves to whether the settings were read; forgotten on failure, so the next change tries again. */
  private loading: Promise<boolean> | null = null;
  private saving = false;
  private saveAgain = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly api: SpellingApi) {}

  get = (): SpellingSettings => this.settings;

  problem = (): SpellingSettingsProblem | null => this.trouble;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    void this.load();
    return () => this.listeners.delete(listener);
  };

  /** The word as the library stores it (trimmed, NFC); refused words (spaces, too long) are left out. */
  addWord(word: string): void {
    const parsed = personalWordSchema.safeParse(word);
    if (!parsed.success) return;
    this.change((s) =>
      s.personalDictionary.includes(parsed.data) || s.personalDictionary.length >= MAX_PERSONAL_WORDS ? s : { ...s, personalDictionary: [...s.personalDictionary, parsed.data] },
    );
  }

  removeWord(word: string): void {
    this.change((s) => (s.personalDictionary.includes(word) ? { ...s, personalDictionary: s.personalDictionary.filter((w) => w !== word) } : s));
  }

  setHouseStyle(houseStyle: HouseStyle): void {
    this.change((s) => (s.houseStyle === houseStyle ? s : { ...s, houseStyle }));
  }

  dismissProblem(): void {
    this.setProblem(null);
  }

  /** Settles once the settings are read (or reading failed); for callers that must not act on the defaults. */
  ready(): Promise<boolean> {
    return this.load();
  }

  private load(): Promise<boolean> {
    this.loading ??= call(() => this.api.get({})).then((result) => {
      if (!result.ok) {
        this.loading = null;
        this.setProblem({ action: 'load', message: result.error.message });
        return false;
      }
      this.settings = this.stored = result.value.settings;
      if (this.trouble?.action === 'load') this.trouble = null;
      this.emit();
      return true;
    });
    return this.loading;
  }

  private change(edit: (current: SpellingSettings) => SpellingSettings): void {
    void this.load().then((loaded) => {
      const next = edit(this.settings);
      if (next === this.settings) return;
      this.settings = next;
      this.emit();
      // Unread settings are not overwritten: the change holds for this session, and the problem says why.
      if (loaded) void this.save();
    });
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
        const sent = this.settings;
        const result = await call(() => this.api.save({ settings: { houseStyle: sent.houseStyle, personalDictionary: [...sent.personalDictionary] } }));
        if (!result.ok) {
          this.settings = this.stored;
          this.saveAgain = false;
          this.setProblem({ action: 'save', message: result.error.message });
          return;
        }
        this.stored = sent;
      } while (this.saveAgain);
    } finally {
      this.saving = false;
    }
  }

  private setProblem(problem: SpellingSettingsProblem | null): void {
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

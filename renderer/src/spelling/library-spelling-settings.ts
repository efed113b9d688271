/**
 * The spelling settings kept in the library (backend channels `spelling.get` / `spelling.save`).
 *
 * Loaded once, when the first reader subscribes. Every change shows at once and is then stored
 * (optimistic; how is library-setting.ts's): saves go one at a time, each sending the latest state,
 * so a slow answer can never put an older state back. If a save fails the settings go back to what
 * the library holds and the problem is shown until dismissed, so what the user sees is always what
 * will be there next start. A change made before the settings have loaded waits for them, so it
 * cannot overwrite the stored dictionary with an empty one.
 */
import type { Api } from '../../../shared/api/contract';
import { DEFAULT_SPELLING_SETTINGS, MAX_PERSONAL_WORDS, personalWordSchema } from '../../../shared/api/spelling-settings';
import type { HouseStyle } from '../../../shared/vietnamese/tone-placement';
import { LibrarySetting } from '../common/library-setting';
import type { SpellingSettings, SpellingSettingsProblem, SpellingSettingsStore } from './spelling-settings';

export type SpellingApi = Pick<Api['spelling'], 'get' | 'save'>;

export class LibrarySpellingSettings implements SpellingSettingsStore {
  private readonly setting: LibrarySetting<SpellingSettings>;

  constructor(api: SpellingApi) {
    this.setting = new LibrarySetting<SpellingSettings>(
      {
        read: () => api.get({}).then((result) => (result.ok ? { ok: true, value: result.value.settings } : result)),
        write: (sent) => api.save({ settings: { houseStyle: sent.houseStyle, personalDictionary: [...sent.personalDictionary] } }),
      },
      DEFAULT_SPELLING_SETTINGS,
    );
  }

  get = (): SpellingSettings => this.setting.get();

  problem = (): SpellingSettingsProblem | null => this.setting.problem();

  subscribe = (listener: () => void): (() => void) => {
    const unsubscribe = this.setting.subscribe(listener);
    void this.setting.load();
    return unsubscribe;
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
    this.setting.dismissProblem();
  }

  /** Settles once the settings are read (or reading failed); for callers that must not act on the defaults. */
  ready(): Promise<boolean> {
    return this.setting.load();
  }

  private change(edit: (current: SpellingSettings) => SpellingSettings): void {
    void this.setting.load().then((loaded) => {
      const next = edit(this.setting.get());
      if (next === this.setting.get()) return;
      this.setting.show(next);
      // Unread settings are not overwritten: the change holds for this session, and the problem says why.
      if (loaded) void this.setting.save();
    });
  }
}

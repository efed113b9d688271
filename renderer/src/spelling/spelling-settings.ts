/**
 * The user's spelling settings: the house style of tone marks and the personal dictionary.
 *
 * They belong to the library (one value shared by every document): the running app provides
 * `LibrarySpellingSettings` (library-spelling-settings.ts) through `SpellingSettingsContext`. The
 * editor and the Settings dialog read them only through `SpellingSettingsStore`;
 * `InMemorySpellingSettings` is the same store without a library, for tests and as the default.
 */
import { createContext, useContext } from 'react';
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from '../../../shared/vietnamese/tone-placement';

export interface SpellingSettings {
  houseStyle: HouseStyle;
  /** Words never flagged, as the user added them (lower case entries match any case). */
  personalDictionary: readonly string[];
}

export interface SpellingSettingsStore {
  /** The current settings; the same object until they change (for useSyncExternalStore). */
  get(): SpellingSettings;
  subscribe(listener: () => void): () => void;
  addWord(word: string): void;
  removeWord(word: string): void;
  setHouseStyle(style: HouseStyle): void;
  /** Why the settings could not be read or stored, until dismissed; the same object until it changes. */
  problem(): SpellingSettingsProblem | null;
  dismissProblem(): void;
}

/** `load`: the library's settings could not be read; `save`: a change could not be stored and was undone. */
export interface SpellingSettingsProblem {
  action: 'load' | 'save';
  message: string;
}

export class InMemorySpellingSettings implements SpellingSettingsStore {
  private settings: SpellingSettings;
  private readonly listeners = new Set<() => void>();

  constructor(initial: Partial<SpellingSettings> = {}) {
    this.settings = { houseStyle: initial.houseStyle ?? DEFAULT_HOUSE_STYLE, personalDictionary: initial.personalDictionary ?? [] };
  }

  get = (): SpellingSettings => this.settings;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  addWord(word: string): void {
    const nfc = word.normalize('NFC').trim();
    if (nfc === '' || this.settings.personalDictionary.includes(nfc)) return;
    this.update({ personalDictionary: [...this.settings.personalDictionary, nfc] });
  }

  removeWord(word: string): void {
    if (this.settings.personalDictionary.includes(word)) this.update({ personalDictionary: this.settings.personalDictionary.filter((w) => w !== word) });
  }

  setHouseStyle(houseStyle: HouseStyle): void {
    if (houseStyle !== this.settings.houseStyle) this.update({ houseStyle });
  }

  problem = (): SpellingSettingsProblem | null => null;

  dismissProblem(): void {}

  private update(patch: Partial<SpellingSettings>): void {
    this.settings = { ...this.settings, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** Where no library store is provided (component tests): one store, so added words stay while documents change. */
const sessionSettings = new InMemorySpellingSettings();

export const SpellingSettingsContext = createContext<SpellingSettingsStore>(sessionSettings);

export const useSpellingSettingsStore = (): SpellingSettingsStore => useContext(SpellingSettingsContext);

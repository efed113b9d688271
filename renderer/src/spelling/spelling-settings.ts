/**
 * The user's spelling settings: the house style of tone marks and the personal dictionary.
 *
 * They belong in the library settings (one per library, shared by every document); until the
 * backend stores them, `InMemorySpellingSettings` keeps them for the session. The editor reads
 * them only through `SpellingSettingsStore`, so backing them with the library is a new
 * implementation of this interface provided through `SpellingSettingsContext`, nothing else.
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
  setHouseStyle(style: HouseStyle): void;
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

  setHouseStyle(houseStyle: HouseStyle): void {
    if (houseStyle !== this.settings.houseStyle) this.update({ houseStyle });
  }

  private update(patch: Partial<SpellingSettings>): void {
    this.settings = { ...this.settings, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** One store for the session, so words added to the dictionary stay while other documents open. */
const sessionSettings = new InMemorySpellingSettings();

export const SpellingSettingsContext = createContext<SpellingSettingsStore>(sessionSettings);

export const useSpellingSettingsStore = (): SpellingSettingsStore => useContext(SpellingSettingsContext);

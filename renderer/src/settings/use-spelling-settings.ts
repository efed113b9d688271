/** The spelling settings and their problem, read from the store the app provides. */
import { useSyncExternalStore } from 'react';
import { useSpellingSettingsStore, type SpellingSettings, type SpellingSettingsProblem, type SpellingSettingsStore } from '../spelling/spelling-settings';

export function useSpellingSettings(): [SpellingSettings, SpellingSettingsStore] {
  const store = useSpellingSettingsStore();
  return [useSyncExternalStore(store.subscribe, store.get), store];
}

export function useSpellingSettingsProblem(): SpellingSettingsProblem | null {
  const store = useSpellingSettingsStore();
  return useSyncExternalStore(store.subscribe, store.problem);
}

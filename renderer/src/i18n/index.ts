/**
 * The one i18n layer: every visible string comes from en.ts / vi.ts through i18next. The UI speaks
 * the language chosen in Settings (ui-language.ts): Vietnamese, English, or the system's (Vietnamese
 * when it is the first preference, English otherwise).
 *
 * The page's `lang` is the UI's; a document's fields and text carry `lang` of the document's own
 * language (`meta.language`), so screen readers and hyphenation read each in its language.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { preferredLanguage, uiLanguageFor } from '../../../shared/api/ui-settings';
import type { Language } from '../../../shared/model/schema';
import { en } from './en';
import { uiLanguageSetting } from './ui-language';
import { vi } from './vi';

export function systemLanguage(languages: readonly string[] = navigator.languages): Language {
  return preferredLanguage(languages);
}

/** The language the UI speaks now. */
export function uiLanguage(): Language {
  return i18next.language === 'vi' ? 'vi' : 'en';
}

/** Speak `language` from now on: every mounted component re-renders in it. */
export async function applyUiLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

/**
 * Starts i18n in the language the library's settings choose, read before the first screen is drawn
 * so nothing flashes in the other one. A library that cannot be read (damaged, the backend gone)
 * starts in the system's language.
 */
export async function initI18n(): Promise<void> {
  const choice = await uiLanguageSetting.load();
  const language = uiLanguageFor(choice, navigator.languages);
  document.documentElement.lang = language;
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, vi: { translation: vi } },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  uiLanguageSetting.onLanguage((next) => void applyUiLanguage(next));
  // "Follow the system" follows it while the app runs, too.
  window.addEventListener('languagechange', () => uiLanguageSetting.systemChanged());
}

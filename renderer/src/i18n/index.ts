/**
 * The one i18n layer: every visible string comes from en.ts / vi.ts through i18next. The UI
 * follows the system language (Vietnamese when it is the first preference, English otherwise).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/model/schema';
import { en } from './en';
import { vi } from './vi';

export function systemLanguage(languages: readonly string[] = navigator.languages): Language {
  return languages[0]?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

export async function initI18n(language: Language = systemLanguage()): Promise<void> {
  document.documentElement.lang = language;
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, vi: { translation: vi } },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
}

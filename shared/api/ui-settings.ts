/**
 * The language of the app's own words (menus, buttons, messages), chosen in Settings: Vietnamese,
 * English, or whatever the system prefers. It is a setting of the library, kept in its `setting`
 * table (electron/backend/ui-settings.ts), so every window and both hosts start in it.
 *
 * It is not the language of a document: an interview's `meta.language` decides its speakers'
 * default labels, its credit prefix and which dictionary checks it, whatever the UI speaks.
 */
import { z } from 'zod';
import type { Language } from '../model/schema';

export const UI_LANGUAGE_CHOICES = ['system', 'vi', 'en'] as const;
export type UiLanguageChoice = (typeof UI_LANGUAGE_CHOICES)[number];

export const uiLanguageChoiceSchema = z.enum(UI_LANGUAGE_CHOICES);

export const uiSettingsSchema = z
  .object({
    /** `system`: the first of the system's preferred languages, if it is Vietnamese; English otherwise. */
    language: uiLanguageChoiceSchema,
  })
  .strict();

export type UiSettings = z.infer<typeof uiSettingsSchema>;

export const DEFAULT_UI_SETTINGS: UiSettings = { language: 'system' };

/** The settings from whatever a library holds: a damaged or foreign value is the default, never an error. */
export function readUiSettings(stored: unknown): UiSettings {
  const whole = uiSettingsSchema.safeParse(stored);
  if (whole.success) return whole.data;
  const language = typeof stored === 'object' && stored !== null ? uiLanguageChoiceSchema.safeParse((stored as Record<string, unknown>).language) : null;
  return language?.success ? { language: language.data } : DEFAULT_UI_SETTINGS;
}

/**
 * The language the system prefers, from its ordered list of BCP 47 tags (`navigator.languages`,
 * Electron's `app.getPreferredSystemLanguages()`): Vietnamese when it comes first, English otherwise,
 * since the UI has those two.
 */
export function preferredLanguage(preferred: readonly string[]): Language {
  return preferred[0]?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/** The language the UI speaks for a choice, given the system's preferences. */
export function uiLanguageFor(choice: UiLanguageChoice, preferred: readonly string[]): Language {
  return choice === 'system' ? preferredLanguage(preferred) : choice;
}

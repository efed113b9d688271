/**
 * The spelling settings of a library: the house style of tone marks and the personal
 * dictionary. One value for the whole library, so every document and every user of the library
 * is checked the same way; kept in the library's `setting` table (electron/backend/spelling-settings.ts).
 */
import { z } from 'zod';
import { DEFAULT_HOUSE_STYLE, HOUSE_STYLES, type HouseStyle } from '../vietnamese/tone-placement';

export const MAX_WORD_LENGTH = 100;
/** Far more than anyone adds by hand; it bounds the setting and every check's exemption set. */
export const MAX_PERSONAL_WORDS = 5000;

// Whitespace too: the checks look at one word at a time, so an entry with a space would never match.
const CONTROL_OR_SPACE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\s]/u;

export const houseStyleSchema = z.enum(HOUSE_STYLES as [HouseStyle, ...HouseStyle[]]);

/** A dictionary word as stored: trimmed, composed (NFC, so `hoà` typed decomposed is the same entry), one word. */
export const personalWordSchema = z
  .string()
  .trim()
  .normalize('NFC')
  .min(1)
  .max(MAX_WORD_LENGTH)
  .refine((w) => !CONTROL_OR_SPACE.test(w), { message: 'A dictionary entry is one word, without spaces or control characters.' });

export const personalDictionarySchema = z
  .array(personalWordSchema)
  .max(MAX_PERSONAL_WORDS)
  .refine((words) => new Set(words).size === words.length, { message: 'The personal dictionary lists a word twice.' });

export const spellingSettingsSchema = z
  .object({
    houseStyle: houseStyleSchema,
    /** Words never flagged, in the order they were added (lower-case entries match any case). */
    personalDictionary: personalDictionarySchema,
  })
  .strict();

export type SpellingSettings = z.infer<typeof spellingSettingsSchema>;

export const DEFAULT_SPELLING_SETTINGS: SpellingSettings = { houseStyle: DEFAULT_HOUSE_STYLE, personalDictionary: [] };

/**
 * The settings from whatever a library holds: a damaged or foreign value never stops the app. Each
 * part that is valid is kept (one bad word does not cost the whole dictionary); the rest is the default.
 */
export function readSpellingSettings(stored: unknown): SpellingSettings {
  const whole = spellingSettingsSchema.safeParse(stored);
  if (whole.success) return whole.data;
  if (typeof stored !== 'object' || stored === null) return DEFAULT_SPELLING_SETTINGS;
  const value = stored as Record<string, unknown>;
  const style = houseStyleSchema.safeParse(value.houseStyle);
  const words = new Set<string>();
  if (Array.isArray(value.personalDictionary)) {
    for (const raw of value.personalDictionary) {
      const word = personalWordSchema.safeParse(raw);
      if (word.success && words.size < MAX_PERSONAL_WORDS) words.add(word.data);
    }
  }
  return { houseStyle: style.success ? style.data : DEFAULT_HOUSE_STYLE, personalDictionary: [...words] };
}

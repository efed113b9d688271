/** The library's spelling settings (shared/api/spelling-settings.ts says what they are for). */
import { readSpellingSettings, type SpellingSettings } from '../../shared/api/spelling-settings';
import type { HandlerContext } from './context';
import { readSetting, writeSetting } from './settings';

const SPELLING = 'spelling.settings';

/** The stored settings; the defaults before anything was saved, and for whatever part is damaged. */
export function getSpellingSettings(ctx: HandlerContext): SpellingSettings {
  return readSpellingSettings(readSetting(ctx.db, SPELLING));
}

/** Replaces the stored settings as a whole (the input was validated by the contract). */
export function saveSpellingSettings(ctx: HandlerContext, settings: SpellingSettings): SpellingSettings {
  writeSetting(ctx.db, SPELLING, settings);
  return settings;
}

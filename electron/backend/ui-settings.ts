/** The library's UI settings: the language of the app's own words (shared/api/ui-settings.ts says what for). */
import { readUiSettings, type UiSettings } from '../../shared/api/ui-settings';
import type { HandlerContext } from './context';
import { readSetting, writeSetting } from './settings';

const UI = 'ui.settings';

/** The stored settings; the defaults before anything was saved, and when the stored value is damaged. */
export function getUiSettings(ctx: HandlerContext): UiSettings {
  return readUiSettings(readSetting(ctx.db, UI));
}

/** Replaces the stored settings as a whole (the input was validated by the contract). */
export function saveUiSettings(ctx: HandlerContext, settings: UiSettings): UiSettings {
  writeSetting(ctx.db, UI, settings);
  return settings;
}

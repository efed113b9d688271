/** The library's player settings: steps, rewind on resume, remapped keys (shared/api/player-settings.ts says what for). */
import { keyMapProblem, readPlayerSettings, type PlayerSettings } from '../../shared/api/player-settings';
import type { HandlerContext } from './context';
import { AppError } from './errors';
import { readSetting, writeSetting } from './settings';

const PLAYER = 'player.settings';

/** The stored settings; the defaults before anything was saved, and for whatever is damaged. */
export function getPlayerSettings(ctx: HandlerContext): PlayerSettings {
  return readPlayerSettings(readSetting(ctx.db, PLAYER));
}

/**
 * Replaces the stored settings as a whole (the shape was validated by the contract). A key map is
 * checked for the keys of Windows and Linux and of macOS alike: one library serves both.
 */
export function savePlayerSettings(ctx: HandlerContext, settings: PlayerSettings): PlayerSettings {
  if (settings.keys) {
    for (const platform of ['other', 'mac'] as const) {
      const problem = keyMapProblem(settings.keys, platform);
      if (problem) throw new AppError('invalid_input', `The key ${problem.key} cannot be given to ${problem.action}: ${problem.problem}.`, { problems: [{ path: `settings.keys.${problem.action}`, message: problem.problem }] });
    }
  }
  writeSetting(ctx.db, PLAYER, settings);
  return settings;
}

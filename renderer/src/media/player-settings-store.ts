/**
 * The player's settings as the renderer holds them: read from the library (`player.get`), changed in
 * the player's settings menu and shown at once, then stored (`player.save`); how a setting is stored
 * (one save at a time, the latest value winning, a failed save going back and saying why) is
 * common/library-setting.ts's.
 */
import { DEFAULT_PLAYER_SETTINGS, type PlayerSettings } from '../../../shared/api/player-settings';
import { api } from '../api';
import { LibrarySetting } from '../common/library-setting';

let setting: LibrarySetting<PlayerSettings> | null = null;

/** The app's one player setting (made on first use: the API is there by then). */
export function playerSettings(): LibrarySetting<PlayerSettings> {
  setting ??= new LibrarySetting<PlayerSettings>(
    {
      read: () => api.player.get({}).then((r) => (r.ok ? { ok: true, value: r.value.settings } : r)),
      write: (settings) => api.player.save({ settings }),
    },
    DEFAULT_PLAYER_SETTINGS,
  );
  return setting;
}

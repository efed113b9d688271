import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Interview Desk';

/**
 * Where the library lives when no folder is given: the same folder Electron's
 * `app.getPath('userData')` uses, so browser mode and the desktop app share one library.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
}

/**
 * The main window's web preferences, as data (no 'electron' import), so that every setting is
 * unit-tested on machines without the Electron binary.
 *
 * `spellcheck` is off: Chromium's spellchecker in Electron downloads Hunspell dictionaries from a
 * Google server on Windows and Linux the first time it runs, and an offline newsroom tool must make
 * no request of its own. The app checks spelling and tone marks itself (renderer/src/spelling/,
 * shared/vietnamese/), offline, in the editor, and in the export preflight for metadata and captions.
 */
import type { WebPreferences } from 'electron';

export function mainWindowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
    disableBlinkFeatures: 'Auxclick',
  };
}

import { describe, expect, it } from 'vitest';
import { mainWindowWebPreferences } from '../../../../electron/main/web-preferences';

describe('the main window’s web preferences', () => {
  const prefs = mainWindowWebPreferences('/app/preload.cjs');

  it('isolate and sandbox the renderer', () => {
    expect(prefs).toMatchObject({ preload: '/app/preload.cjs', sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false });
  });

  it('turn Chromium’s spellchecker off, so it never downloads dictionaries', () => {
    expect(prefs.spellcheck).toBe(false);
  });

  it('enable nothing else: no webview, no remote module, no Node in workers or subframes', () => {
    for (const key of ['webviewTag', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'experimentalFeatures', 'enableBlinkFeatures']) {
      expect(prefs[key as keyof typeof prefs], key).toBeUndefined();
    }
  });
});

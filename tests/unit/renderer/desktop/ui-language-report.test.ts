/**
 * The desktop menus follow the app's language: the renderer reports the UI language setting's
 * language to the main process at start and on every change (renderer/src/desktop/ui-language-report.ts),
 * over the real setting (i18n/ui-language-setting.ts) with an in-memory library.
 */
import { describe, expect, it } from 'vitest';
import type { UiLanguageChoice } from '../../../../shared/api/ui-settings';
import type { Language } from '../../../../shared/model/schema';
import { reportUiLanguage } from '../../../../renderer/src/desktop/ui-language-report';
import { UiLanguageSetting, type UiSettingsApi } from '../../../../renderer/src/i18n/ui-language-setting';

function memoryLibrary(stored: UiLanguageChoice, { failSaves = false } = {}) {
  const api: UiSettingsApi = {
    get: async () => ({ ok: true, value: { settings: { language: stored } } }),
    save: async ({ settings }) => {
      if (failSaves) return { ok: false, error: { code: 'write_failed', message: 'The disk is full.' } };
      stored = settings.language;
      return { ok: true, value: { settings } };
    },
  };
  return api;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function reporting(api: UiSettingsApi, system: string[]) {
  const reported: Language[] = [];
  const setting = new UiLanguageSetting(api, () => system);
  return { setting, reported, bridge: { reportUiLanguage: (language: Language) => void reported.push(language) } };
}

describe('the UI language reported to the desktop menus', () => {
  it('reports the stored language at start, then each change made in Settings', async () => {
    const { setting, reported, bridge } = reporting(memoryLibrary('vi'), ['en-GB']);
    await setting.load();
    const stop = reportUiLanguage(setting, bridge);
    expect(reported).toEqual(['vi']);
    setting.set('en');
    setting.set('system'); // the system prefers English: the language stays English, nothing new to say
    setting.set('vi');
    await settle();
    expect(reported).toEqual(['vi', 'en', 'vi']);
    stop();
    setting.set('en');
    await settle();
    expect(reported).toEqual(['vi', 'en', 'vi']);
  });

  it('follows the system while the app does, and reports the language put back after a failed save', async () => {
    const system = ['vi-VN'];
    const { setting, reported, bridge } = reporting(memoryLibrary('system', { failSaves: true }), system);
    await setting.load();
    reportUiLanguage(setting, bridge);
    system.splice(0, 1, 'en-US');
    setting.systemChanged();
    expect(reported).toEqual(['vi', 'en']);
    setting.set('vi'); // spoken at once, then the save fails and the system's English comes back
    await settle();
    await settle();
    expect(reported).toEqual(['vi', 'en', 'vi', 'en']);
  });

  it('does nothing in browser mode, where there is no desktop bridge', async () => {
    const { setting } = reporting(memoryLibrary('vi'), ['en']);
    await setting.load();
    expect(() => reportUiLanguage(setting, null)()).not.toThrow();
  });
});

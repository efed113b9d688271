/**
 * The UI language setting on a real library (the backend handlers through `dispatch`, as the web
 * host runs them): the UI speaks the stored choice at start, a change is spoken at once and stored,
 * a failed save goes back to what the library holds and says so, and "follow the system" follows it.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/backend/dispatch';
import type { Result } from '../../../../shared/api/result';
import { UiLanguageSetting, type UiSettingsApi } from '../../../../renderer/src/i18n/ui-language-setting';
import { libraryPerTest } from '../../../helpers/library-per-test';

const lib = libraryPerTest();

type Save = UiSettingsApi['save'];

function libraryApi(interceptSave?: (pass: () => ReturnType<Save>) => ReturnType<Save>) {
  const saves: string[] = [];
  const api: UiSettingsApi = {
    get: (input) => dispatch('ui.get', input, lib.ctx) as ReturnType<UiSettingsApi['get']>,
    save: (input) => {
      saves.push(input.settings.language);
      const pass = () => dispatch('ui.save', input, lib.ctx) as ReturnType<Save>;
      return interceptSave ? interceptSave(pass) : pass();
    },
  };
  return { api, saves };
}

const stored = async () => ((await dispatch('ui.get', {}, lib.ctx)) as Result<{ settings: { language: string } }> & { ok: true }).value.settings.language;
const settle = () => new Promise((r) => setTimeout(r, 20));

/** A setting whose system prefers `system[0]`, recording each language it was told to speak. */
function setting(api: UiSettingsApi, system: string[] = ['en-GB', 'en']) {
  const s = new UiLanguageSetting(api, () => system);
  const spoken: string[] = [];
  s.onLanguage((language) => spoken.push(language));
  return { s, spoken, system };
}

describe('UiLanguageSetting', () => {
  it('follows the system in a new library: Vietnamese when the system puts it first, English otherwise', async () => {
    const vi = setting(libraryApi().api, ['vi-VN', 'en-US']).s;
    expect(await vi.load()).toBe('system');
    expect(vi.language()).toBe('vi');
    const en = setting(libraryApi().api, ['fr-FR', 'vi-VN']).s;
    await en.load();
    expect(en.language()).toBe('en');
  });

  it('speaks a new choice at once, stores it, and the next start reads it back', async () => {
    const { api } = libraryApi();
    const { s, spoken } = setting(api);
    await s.load();
    s.set('vi');
    expect(s.choice()).toBe('vi');
    expect(spoken).toEqual(['vi']); // before the library answered
    await settle();
    expect(await stored()).toBe('vi');

    const restarted = setting(libraryApi().api).s;
    expect(await restarted.load()).toBe('vi');
    expect(restarted.language()).toBe('vi');
  });

  it('says nothing new when a choice speaks the language already spoken', async () => {
    const { s, spoken } = setting(libraryApi().api, ['en-US']);
    await s.load();
    s.set('en');
    s.set('system');
    await settle();
    expect(spoken).toEqual([]);
    expect(await stored()).toBe('system');
  });

  it('saves one at a time, and the last choice wins', async () => {
    const pending: (() => void)[] = [];
    const { api, saves } = libraryApi((pass) => new Promise((resolve) => pending.push(() => void pass().then(resolve))));
    const { s } = setting(api);
    await s.load();
    s.set('vi');
    s.set('en');
    s.set('vi');
    await settle();
    expect(saves).toEqual(['vi']);
    pending.shift()!();
    await settle();
    expect(saves).toEqual(['vi', 'vi']);
    pending.shift()!();
    await settle();
    expect(await stored()).toBe('vi');
    expect(s.choice()).toBe('vi');
  });

  it('goes back to the stored choice when a save fails, and says why', async () => {
    await dispatch('ui.save', { settings: { language: 'en' } }, lib.ctx);
    const { api } = libraryApi(async () => ({ ok: false, error: { code: 'read_only', message: 'The disk is read-only.' } }));
    const { s, spoken } = setting(api, ['vi-VN']);
    await s.load();
    s.set('vi');
    expect(spoken).toEqual(['vi']);
    await settle();
    expect(s.choice()).toBe('en');
    expect(spoken).toEqual(['vi', 'en']);
    expect(s.problem()).toEqual({ action: 'save', message: 'The disk is read-only.' });
    expect(await stored()).toBe('en');
    s.dismissProblem();
    expect(s.problem()).toBeNull();
  });

  it('follows the system when the library cannot be read, and says so', async () => {
    const { s } = setting({ get: () => Promise.reject(new Error('gone')), save: () => Promise.reject(new Error('gone')) }, ['vi']);
    expect(await s.load()).toBe('system');
    expect(s.language()).toBe('vi');
    expect(s.problem()).toEqual({ action: 'load', message: 'gone' });
  });

  it('follows a change of the system’s languages only while following the system', async () => {
    const { s, spoken, system } = setting(libraryApi().api, ['en-US']);
    await s.load();
    system.splice(0, system.length, 'vi-VN');
    s.systemChanged();
    expect(spoken).toEqual(['vi']);
    s.set('en');
    system.splice(0, system.length, 'vi-VN', 'en');
    s.systemChanged();
    expect(spoken).toEqual(['vi', 'en']);
  });
});

/**
 * The language of the app is kept in the library settings through `ui.get` / `ui.save`: what was
 * chosen is what the next start reads back, the boundary refuses anything but the three choices
 * without touching what is stored, and a damaged stored value starts the app following the system.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/backend/dispatch';
import { readSetting, writeSetting } from '../../../../electron/backend/settings';
import { libraryPerTest } from '../../../helpers/library-per-test';

const lib = libraryPerTest();

const KEY = 'ui.settings';
const get = () => dispatch('ui.get', {}, lib.ctx);
const save = (settings: unknown) => dispatch('ui.save', { settings }, lib.ctx);

describe('ui.get / ui.save', () => {
  it('follows the system in a new library, then keeps each choice', async () => {
    expect(await get()).toEqual({ ok: true, value: { settings: { language: 'system' } } });
    for (const language of ['vi', 'en', 'system'] as const) {
      expect(await save({ language })).toEqual({ ok: true, value: { settings: { language } } });
      expect(await get()).toEqual({ ok: true, value: { settings: { language } } });
    }
  });

  it('keeps the choice apart from the spelling settings and the profile', async () => {
    await save({ language: 'vi' });
    await dispatch('spelling.save', { settings: { houseStyle: 'modern', personalDictionary: ['TTXVN'] } }, lib.ctx);
    expect(await get()).toEqual({ ok: true, value: { settings: { language: 'vi' } } });
    expect(await dispatch('spelling.get', {}, lib.ctx)).toEqual({ ok: true, value: { settings: { houseStyle: 'modern', personalDictionary: ['TTXVN'] } } });
  });

  it.each([
    ['a language the app does not speak', { language: 'fr' }],
    ['a region tag', { language: 'vi-VN' }],
    ['another case', { language: 'VI' }],
    ['the language written out', { language: 'Tiếng Việt' }],
    ['an empty value', { language: '' }],
    ['no language', {}],
    ['a number', { language: 1 }],
    ['null', { language: null }],
    ['an extra field', { language: 'vi', theme: 'dark' }],
    ['a bare string', 'vi'],
    ['no settings at all', undefined],
  ])('refuses %s and keeps what was stored', async (_name, settings) => {
    await save({ language: 'en' });
    expect(await save(settings)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await get()).toEqual({ ok: true, value: { settings: { language: 'en' } } });
  });

  it('refuses extra input next to the settings', async () => {
    expect(await dispatch('ui.save', { settings: { language: 'vi' }, also: 1 }, lib.ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('ui.get', { language: 'vi' }, lib.ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(readSetting(lib.ctx.db, KEY)).toBeNull();
  });
});

describe('a damaged stored value', () => {
  it.each([
    ['not JSON', null, 'system'],
    ['a number', 7, 'system'],
    ['a bare string', 'vi', 'system'],
    ['an unknown language', { language: 'de' }, 'system'],
    // A later version may add fields; this one keeps the choice it understands.
    ['a field from a later version', { language: 'vi', theme: 'dark' }, 'vi'],
  ])('reads %s as what is usable in it, else following the system', async (_name, stored, expected) => {
    if (stored === null) lib.ctx.db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run(KEY, '{"language": ');
    else writeSetting(lib.ctx.db, KEY, stored);
    expect(await get()).toEqual({ ok: true, value: { settings: { language: expected } } });
    await save({ language: 'en' });
    expect(readSetting(lib.ctx.db, KEY)).toEqual({ language: 'en' });
  });
});

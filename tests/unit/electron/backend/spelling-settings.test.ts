/**
 * The house style and the personal dictionary are kept in the library settings through the
 * backend channels: what was saved is what the next start (any window, any mode) reads back, bad
 * payloads are refused without touching what is stored, and a damaged stored value never stops the app.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../../electron/backend/dispatch';
import { readSetting, writeSetting } from '../../../../electron/backend/settings';
import type { LoadedDocument } from '../../../../shared/api/contract';
import type { Result } from '../../../../shared/api/result';
import { MAX_PERSONAL_WORDS, MAX_WORD_LENGTH } from '../../../../shared/api/spelling-settings';
import { libraryPerTest } from '../../../helpers/library-per-test';

const lib = libraryPerTest();

const KEY = 'spelling.settings';
const DEFAULTS = { houseStyle: 'traditional', personalDictionary: [] };
const get = () => dispatch('spelling.get', {}, lib.ctx);
const save = (settings: unknown) => dispatch('spelling.save', { settings }, lib.ctx);
function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

describe('spelling.get / spelling.save', () => {
  it('reads the agency’s traditional style and an empty dictionary in a new library, then keeps what was saved', async () => {
    expect(await get()).toEqual({ ok: true, value: { settings: DEFAULTS } });
    const settings = { houseStyle: 'modern', personalDictionary: ['TTXVN', 'ttxvn', 'nghành', 'O’Brien'] };
    expect(await save(settings)).toEqual({ ok: true, value: { settings } });
    expect(await get()).toEqual({ ok: true, value: { settings } });
  });

  it('stores words trimmed and composed, so a decomposed `hoà` and a composed one are the same entry', async () => {
    const decomposed = 'hoa\u0300'; // a + combining grave, as some keyboards send it
    const saved = value<{ settings: { personalDictionary: string[] } }>(await save({ houseStyle: 'traditional', personalDictionary: [`  ${decomposed} `, 'Thuỷ'] }));
    expect(saved.settings.personalDictionary).toEqual(['hoà', 'Thuỷ']);
    expect(saved.settings.personalDictionary[0]).toBe('hoà'.normalize('NFC'));
    expect(value<{ settings: unknown }>(await get()).settings).toEqual(saved.settings);
    // The same word once composed and once decomposed is a duplicate.
    expect(await save({ houseStyle: 'traditional', personalDictionary: ['hoà', decomposed] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it.each([
    ['an unknown house style', { houseStyle: 'đổi mới', personalDictionary: [] }],
    ['a missing dictionary', { houseStyle: 'modern' }],
    ['an extra field', { houseStyle: 'modern', personalDictionary: [], theme: 'dark' }],
    ['an empty word', { houseStyle: 'modern', personalDictionary: ['   '] }],
    ['a word that is too long', { houseStyle: 'modern', personalDictionary: ['a'.repeat(MAX_WORD_LENGTH + 1)] }],
    ['a control character', { houseStyle: 'modern', personalDictionary: ['ab\u0007c'] }],
    ['a newline inside a word', { houseStyle: 'modern', personalDictionary: ['Hà\nNội'] }],
    ['two words in one entry', { houseStyle: 'modern', personalDictionary: ['Hà Nội'] }],
    ['a duplicate', { houseStyle: 'modern', personalDictionary: ['TTXVN', 'TTXVN'] }],
    ['too many words', { houseStyle: 'modern', personalDictionary: Array.from({ length: MAX_PERSONAL_WORDS + 1 }, (_, i) => `w${i}`) }],
    ['a number for a word', { houseStyle: 'modern', personalDictionary: [42] }],
    ['no settings at all', undefined],
    ['a string', 'modern'],
  ])('refuses %s and keeps what was stored', async (_name, settings) => {
    const kept = { houseStyle: 'traditional', personalDictionary: ['TTXVN'] };
    value(await save(kept));
    expect(await save(settings)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(value<{ settings: unknown }>(await get()).settings).toEqual(kept);
  });

  it('accepts the longest word and the largest dictionary it allows', async () => {
    const words = Array.from({ length: MAX_PERSONAL_WORDS }, (_, i) => `từ${i}`);
    words[0] = 'a'.repeat(MAX_WORD_LENGTH);
    expect(await save({ houseStyle: 'modern', personalDictionary: words })).toMatchObject({ ok: true });
    expect(value<{ settings: { personalDictionary: string[] } }>(await get()).settings.personalDictionary).toHaveLength(MAX_PERSONAL_WORDS);
  });

  it('refuses extra input next to the settings', async () => {
    expect(await dispatch('spelling.save', { settings: DEFAULTS, also: 1 }, lib.ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('spelling.get', { what: 'all' }, lib.ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('a damaged stored value', () => {
  it.each([
    ['not JSON', null, DEFAULTS],
    ['a number', 7, DEFAULTS],
    ['an array', ['modern'], DEFAULTS],
    ['an unknown style', { houseStyle: 'new', personalDictionary: ['TTXVN'] }, { houseStyle: 'traditional', personalDictionary: ['TTXVN'] }],
    ['a dictionary that is not a list', { houseStyle: 'modern', personalDictionary: 'TTXVN' }, { houseStyle: 'modern', personalDictionary: [] }],
    // One bad entry does not cost the user every other word they added.
    ['bad and repeated words', { houseStyle: 'modern', personalDictionary: ['TTXVN', '', 3, 'a b', 'TTXVN', ' nghành '] }, { houseStyle: 'modern', personalDictionary: ['TTXVN', 'nghành'] }],
    // A later version may add fields; this one keeps what it understands.
    ['a field from a later version', { houseStyle: 'modern', personalDictionary: ['TTXVN'], autocorrect: true }, { houseStyle: 'modern', personalDictionary: ['TTXVN'] }],
  ])('reads %s as what is usable in it, the rest as the defaults', async (_name, stored, expected) => {
    if (stored === null) lib.ctx.db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run(KEY, '{"houseStyle": "modern", ');
    else writeSetting(lib.ctx.db, KEY, stored);
    expect(await get()).toEqual({ ok: true, value: { settings: expected } });
    // …and the next save replaces it with a valid value.
    value(await save({ houseStyle: 'modern', personalDictionary: ['TTXVN'] }));
    expect(readSetting(lib.ctx.db, KEY)).toEqual({ houseStyle: 'modern', personalDictionary: ['TTXVN'] });
  });
});

describe('export preflight follows the library’s spelling settings', () => {
  async function storyWith(text: string): Promise<string> {
    const { doc } = value<LoadedDocument>(await dispatch('document.create', { language: 'vi' }, lib.ctx));
    const edited = { ...doc, meta: { ...doc.meta, headline: 'Long An' }, body: [{ type: 'turn', speakerId: 'p2', children: [{ type: 'paragraph', children: [{ text }] }] }] };
    value(await dispatch('document.save', { id: doc.id, baseRevision: 1, doc: edited }, lib.ctx));
    return doc.id;
  }
  const warnings = async (id: string) =>
    value<{ preflight: { warnings: { code: string; params: Record<string, unknown> }[] } }>(await dispatch('document.export', { id, format: 'nitf', acceptWarnings: [] }, lib.ctx)).preflight.warnings;

  it('checks the house style the user chose, and spares the words in the personal dictionary', async () => {
    const id = await storyWith('Hòa bình và thuỷ sản.');
    expect((await warnings(id)).map((w) => [w.code, w.params.words])).toEqual([['text.house-style', 'thuỷ → thủy']]);
    value(await save({ houseStyle: 'modern', personalDictionary: [] }));
    expect((await warnings(id)).map((w) => [w.code, w.params.words])).toEqual([['text.house-style', 'Hòa → Hoà']]);
    value(await save({ houseStyle: 'modern', personalDictionary: ['Hòa'] }));
    expect(await warnings(id)).toEqual([]);
  });
});

/**
 * The Vietnamese dictionary: which tone style @cspell/dict-vi-vn is written in, and the house-style
 * syllable list and suggestions built from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSyllable } from '../../../../shared/vietnamese/syllable';
import { SyllableDictionary } from '../../../../shared/vietnamese/syllable-dictionary';
import { normalizeTone } from '../../../../shared/vietnamese/tone-placement';
import { vietnameseDictionary, vietnameseTriePath, vietnameseWords } from '../../../helpers/vietnamese-dictionaries';

describe('@cspell/dict-vi-vn', () => {
  it('is MIT-licensed (dictionary-vi, GPL, is not used)', () => {
    const pkg = JSON.parse(readFileSync(join(vietnameseTriePath(), '../package.json'), 'utf8')) as { license: string };
    expect(pkg.license).toBe('MIT');
  });

  it('is written in the modern style, every syllable of it where the modern rules put the mark', () => {
    const words = vietnameseWords().filter((w) => !w.startsWith('~'));
    const syllables = words.filter((w) => parseSyllable(w) !== null);
    expect(syllables.length).toBeGreaterThan(6_500);
    expect(syllables.filter((w) => normalizeTone(w, 'modern') !== w)).toEqual([]);
    for (const w of ['hoà', 'khoẻ', 'thuỷ', 'uỷ', 'xoá', 'toà', 'huỷ']) expect(words).toContain(w);
    for (const w of ['hòa', 'khỏe', 'thủy', 'ủy', 'xóa', 'tòa', 'hủy']) expect(words).not.toContain(w);
    // The traditional style moves the mark of the open oa/oe/uy syllables only: 69 of them.
    expect(syllables.filter((w) => normalizeTone(w, 'traditional') !== w)).toHaveLength(69);
  });
});

describe('SyllableDictionary', () => {
  it('holds the syllables in the house style, in any case', () => {
    const traditional = vietnameseDictionary('traditional');
    const modern = vietnameseDictionary('modern');
    expect([traditional.has('hòa'), traditional.has('hoà'), modern.has('hòa'), modern.has('hoà')]).toEqual([true, false, false, true]);
    expect([traditional.has('Đảng'), traditional.has('ĐẢNG'), traditional.has('ủy'), traditional.has('Nguyễn')]).toEqual([true, true, true, true]);
    expect(traditional.has('nghành')).toBe(false);
  });

  it('leaves out cspell’s folded copies (~) and acronyms', () => {
    const d = new SyllableDictionary(['~dang', 'đảng', 'UBND', '!bad'], 'traditional');
    expect(d.size).toBe(1);
    expect([d.has('dang'), d.has('UBND'), d.has('bad'), d.has('đảng')]).toEqual([false, false, false, true]);
  });

  it('suggests the intended syllable first for the usual slips', () => {
    const d = vietnameseDictionary('traditional');
    expect(d.suggest('nghành')[0]).toBe('ngành'); // an extra letter
    expect(d.suggest('trườg')[0]).toBe('trường'); // a letter left out
    expect(d.suggest('triễn')[0]).toBe('triển'); // ngã for hỏi
    expect(d.suggest('bôj')[0]).toBe('bộ'); // a Telex key typed with the input method off
    expect(d.suggest('viêc')[0]).toBe('việc'); // the tone left out
    expect(d.suggest('hoá')).toContain('hóa'); // in the house style
    expect(d.suggest('Nghành')[0]).toBe('Ngành');
    expect(d.suggest('xyzzyq')).toEqual([]);
    expect(d.suggest('nghành')).toHaveLength(5);
  });
});

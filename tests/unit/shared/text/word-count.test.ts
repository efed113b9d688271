import { describe, expect, it } from 'vitest';
import { countText } from '../../../../shared/text/word-count';

describe('countText', () => {
  it('counts Vietnamese syllables as words', () => {
    expect(countText('Đảng bộ tỉnh Long An có 19 đảng bộ trực thuộc.')).toEqual({ words: 11, characters: 46 });
  });

  it('does not count punctuation standing alone', () => {
    expect(countText('TTXVN - Thời gian qua – “ ” … ?').words).toBe(4);
    expect(countText('— … !').words).toBe(0);
    expect(countText('"Vâng", ông nói.').words).toBe(3);
  });

  it('splits on any whitespace, including no-break spaces and tabs', () => {
    expect(countText('  một\u00A0hai\tba   bốn ').words).toBe(4);
    expect(countText('').words).toBe(0);
    expect(countText('   ').words).toBe(0);
  });

  it('keeps hyphenated and numeric tokens whole', () => {
    expect(countText('COVID-19 năm 2.024, 3/4 và 50%').words).toBe(6);
  });

  it('counts what a reader sees as one character once', () => {
    expect(countText('đạo').characters).toBe(3);
    expect(countText('đạo'.normalize('NFD')).characters).toBe(3);
    expect(countText('a b').characters).toBe(3); // spaces count
    expect(countText('😀').characters).toBe(1);
    expect(countText('👍🏽 🇻🇳 👨‍👩‍👧').characters).toBe(5);
  });

  it('counts English as well', () => {
    expect(countText("How has the province done this, sir? It's grown.")).toEqual({ words: 9, characters: 48 });
  });
});

import { describe, expect, it } from 'vitest';
import { cleanLine, cleanMultiline, foldForSearch } from '../../../../shared/text/normalize-text';

describe('text hygiene', () => {
  it('composes decomposed Vietnamese (NFD from macOS or PDFs) to NFC', () => {
    const nfd = 'đảng viên Nguyễn'.normalize('NFD');
    expect(nfd).not.toBe('đảng viên Nguyễn');
    expect(cleanLine(nfd)).toBe('đảng viên Nguyễn');
    expect(cleanLine(nfd).length).toBe('đảng viên Nguyễn'.length);
  });

  it('removes characters XML cannot carry and keeps tabs', () => {
    expect(cleanLine('a\u0000b\u0007c\u001Fd\u007Fe\u0085f\uFEFFg\th')).toBe('abcdefg\th');
    expect(cleanLine('x\uFFFEy\uFFFFz')).toBe('xyz');
  });

  it('replaces lone surrogates, keeps real astral characters', () => {
    expect(cleanLine('a\uD800b')).toBe('a\uFFFDb');
    expect(cleanLine('a\uDC00b')).toBe('a\uFFFDb');
    expect(cleanLine('emoji 😀 ok')).toBe('emoji 😀 ok');
  });

  it('turns line breaks into spaces in one-line fields and keeps them in multi-line ones', () => {
    expect(cleanLine('one\r\ntwo\nthree\u2028four')).toBe('one two three four');
    expect(cleanMultiline('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });

  it('folds accents, đ and case for search', () => {
    expect(foldForSearch('đảng viên')).toBe('dang vien');
    expect(foldForSearch('Đảng Viên')).toBe('dang vien');
    expect(foldForSearch('Hà Nội'.normalize('NFD'))).toBe('ha noi');
    expect(foldForSearch('Ông Nguyễn Thanh Hải')).toBe('ong nguyen thanh hai');
  });
});

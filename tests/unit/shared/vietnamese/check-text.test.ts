import { describe, expect, it } from 'vitest';
import { checkText, listTextFindings, locateFindings } from '../../../../shared/vietnamese/check-text';
import { participantWords, WordExemptions } from '../../../../shared/vietnamese/exemptions';
import { vietnameseDictionary } from '../../../helpers/vietnamese-dictionaries';

const options = { language: 'vi' as const, style: 'traditional' as const, vietnamese: vietnameseDictionary('traditional') };

describe('checkText', () => {
  it('gives tone and spelling findings together, in order', () => {
    expect(checkText('Nghành thủy sản; lãnh đaọ và hoà giải.', options).map((f) => [f.kind, f.found])).toEqual([
      ['spelling', 'Nghành'],
      ['misplaced-tone', 'đaọ'],
      ['house-style', 'hoà'],
    ]);
  });

  it('never flags participants’ names or the personal dictionary', () => {
    const exempt = new WordExemptions([...participantWords([{ label: 'Bà Lê Thuỷ', fullName: 'Lê Thị Thuỷ' }]), 'nghành']);
    expect(checkText('Bà Thuỷ nói về thuỷ sản và Nghành.', { ...options, exempt }).map((f) => f.found)).toEqual(['thuỷ']);
  });
});

describe('WordExemptions', () => {
  it('matches a lower-case entry in any case, an entry with capitals only as written', () => {
    const exempt = new WordExemptions(['ttxvn', 'Thuỷ']);
    expect([exempt.has('TTXVN'), exempt.has('Ttxvn'), exempt.has('Thuỷ'), exempt.has('thuỷ'), exempt.has('THUỶ')]).toEqual([true, true, true, false, false]);
    expect(new WordExemptions(['Thuỷ'.normalize('NFD')]).has('Thuỷ')).toBe(true);
  });
});

describe('listing findings with line and column', () => {
  it('counts lines and columns from 1, columns in characters', () => {
    const text = 'Dòng một.\n😀 Tập trung lãnh đaọ.\n\nhoà';
    const located = locateFindings(text, checkText(text, options));
    expect(located.map((f) => [f.line, f.column, f.found])).toEqual([
      [2, 18, 'đaọ'],
      [4, 1, 'hoà'],
    ]);
  });

  it('writes one line per finding with its suggestions', () => {
    expect(listTextFindings('Lãnh đaọ\nNghành', options)).toEqual(['1:6\tmisplaced-tone\tđaọ → đạo', '2:1\tspelling\tNghành → Ngành | Nhành | Ngảnh | Ngạnh | Nghênh']);
  });
});

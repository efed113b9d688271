/**
 * The checks follow the document's language: Vietnamese copy is held to the house style of tone
 * marks and the Vietnamese syllable list; English copy to the English dictionary, with Vietnamese
 * names spelled as their owners spell them (no tone-mark warnings in either house style).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../../../shared/vietnamese/check-text';
import { englishSpeller, vietnameseDictionary } from '../../../helpers/vietnamese-dictionaries';

const found = (text: string, language: 'vi' | 'en', style: 'traditional' | 'modern' = 'traditional') =>
  checkText(text, { language, style, vietnamese: vietnameseDictionary(style), english: englishSpeller() }).map((f) => [f.kind, f.found]);

describe('the checks by the document’s language', () => {
  it('flag the other house style and a misplaced mark in Vietnamese copy', () => {
    expect(found('Hoà bình và lãnh đaọ.', 'vi')).toEqual([
      ['house-style', 'Hoà'],
      ['misplaced-tone', 'đaọ'],
    ]);
  });

  it('leave Vietnamese names in English copy alone, in either house style', () => {
    expect(found('We met Ms Nguyễn Thị Hoà and Mr Trần Văn Thủy in Hà Nội.', 'en', 'traditional')).toEqual([]);
    expect(found('We met Ms Nguyễn Thị Hoà and Mr Trần Văn Thủy in Hà Nội.', 'en', 'modern')).toEqual([]);
  });

  it('check English copy with the English dictionary, and Vietnamese copy with the Vietnamese one', () => {
    expect(found('The reporter asked teh question.', 'en')).toEqual([['spelling', 'teh']]);
    expect(found('Tôi đã trả lời câu hỏi trog buổi họp.', 'vi')).toEqual([['spelling', 'trog']]);
  });

  it('never give a tone-mark warning on English copy, whatever it holds', () => {
    const piece = fc.constantFrom('Hoà', 'hòa', 'thuỷ', 'đaọ', 'nứơc', 'khoẻ', 'the', 'interview', ' ', ', ', '\n', 'Nguyễn');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.constantFrom('traditional' as const, 'modern' as const), (parts, style) => {
        const findings = checkText(parts.join(''), { language: 'en', style, english: englishSpeller() });
        expect(findings.filter((f) => f.kind !== 'spelling')).toEqual([]);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { checkSpelling, type SpellingOptions } from '../../../../shared/vietnamese/spelling';
import { englishSpeller, vietnameseDictionary } from '../../../helpers/vietnamese-dictionaries';

const vi = (extra: Partial<SpellingOptions> = {}): SpellingOptions => ({ language: 'vi', style: 'traditional', vietnamese: vietnameseDictionary('traditional'), english: englishSpeller(), ...extra });
const found = (text: string, options: SpellingOptions) => checkSpelling(text, options).map((f) => f.found);

describe('Vietnamese spelling', () => {
  it('flags syllables that do not exist, with suggestions', () => {
    expect(checkSpelling('Nhiều nghành nghề.', vi())).toEqual([{ start: 6, end: 12, kind: 'spelling', found: 'nghành', suggestions: ['ngành', 'nhành', 'ngảnh', 'ngạnh', 'nghênh'] }]);
    expect(found('xây dựg trườg mới, nguoi dân', vi())).toEqual(['dựg', 'trườg', 'nguoi']);
  });

  it('leaves a misplaced mark or the other house style to the tone check', () => {
    expect(found('lãnh đaọ, hoà bình', vi())).toEqual([]);
  });

  it('accepts the house style only: the other style is a tone finding, its words exist', () => {
    expect(found('hòa bình, thủy sản', vi())).toEqual([]);
    expect(found('hoà bình, thuỷ sản', vi({ style: 'modern', vietnamese: vietnameseDictionary('modern') }))).toEqual([]);
  });

  it('leaves acronyms, codes, numbers, addresses, names and English loanwords alone', () => {
    const text = 'TTXVN, THCS-THPT, 21-NQ/TW, COVID-19, 4G, www.ttxvn.vn, toasoan@ttxvn.vn, Long Cang, London, Facebook, bán hàng online qua email.';
    expect(found(text, vi())).toEqual([]);
  });

  it('without dictionaries, checks no spelling', () => {
    expect(found('nghành', { language: 'vi', style: 'traditional' })).toEqual([]);
  });
});

describe('English spelling', () => {
  const en = (extra: Partial<SpellingOptions> = {}): SpellingOptions => ({ language: 'en', style: 'traditional', english: englishSpeller(), vietnamese: vietnameseDictionary('traditional'), ...extra });

  it('flags misspellings; suggestions only when asked for', () => {
    expect(checkSpelling('We did not recieve it.', en())).toEqual([{ start: 11, end: 18, kind: 'spelling', found: 'recieve', suggestions: null }]);
    expect(checkSpelling('We did not recieve it.', en({ suggestEnglish: true }))[0]!.suggestions![0]).toBe('receive');
  });

  it('accepts contractions, and Vietnamese names in English copy', () => {
    expect(found("They don't know Nguyễn Thanh Hải of Long An, or Mr Hải's deputy.", en())).toEqual([]);
  });

  it('still flags a lower-case Vietnamese-looking typo', () => {
    expect(found('the intervew was long', en())).toEqual(['intervew']);
  });
});

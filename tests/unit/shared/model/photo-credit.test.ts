import { describe, expect, it } from 'vitest';
import { printedCredit, stripCreditPrefix } from '../../../../shared/model/photo-credit';

describe('photo credit', () => {
  it('is printed with the document language’s prefix, and not at all when empty', () => {
    expect(printedCredit('TTXVN phát', 'vi')).toBe('Ảnh: TTXVN phát');
    expect(printedCredit('Reuters', 'en')).toBe('Photo: Reuters');
    expect(printedCredit('', 'vi')).toBe('');
  });

  it('is stored without a prefix copied along from agency text, in either language', () => {
    expect(stripCreditPrefix('Ảnh: Thanh Hải/TTXVN')).toBe('Thanh Hải/TTXVN');
    expect(stripCreditPrefix('  ẢNH :TTXVN phát')).toBe('TTXVN phát');
    expect(stripCreditPrefix('Photo: Reuters')).toBe('Reuters');
    // Only a prefix: words that merely start the same way stay.
    expect(stripCreditPrefix('Ảnh hưởng: không')).toBe('Ảnh hưởng: không');
    expect(stripCreditPrefix('Photographer: AP')).toBe('Photographer: AP');
  });
});

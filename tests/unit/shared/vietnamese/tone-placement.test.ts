import { describe, expect, it } from 'vitest';
import { normalizeTone } from '../../../../shared/vietnamese/tone-placement';

describe('normalizeTone: the rules in both house styles', () => {
  // [written, traditional, modern], by hand.
  it.each([
    // the styles differ only for open oa, oe, uy
    ['hoà', 'hòa', 'hoà'],
    ['hòa', 'hòa', 'hoà'],
    ['khoẻ', 'khỏe', 'khoẻ'],
    ['khỏe', 'khỏe', 'khoẻ'],
    ['thuỷ', 'thủy', 'thuỷ'],
    ['ủy', 'ủy', 'uỷ'],
    ['uỷ', 'ủy', 'uỷ'],
    ['xoá', 'xóa', 'xoá'],
    ['loè', 'lòe', 'loè'],
    // closed oa/oe/uy: the main vowel in both
    ['tóan', 'toán', 'toán'],
    ['hòang', 'hoàng', 'hoàng'],
    ['khóet', 'khoét', 'khoét'],
    ['hùynh', 'huỳnh', 'huỳnh'],
    ['thùyên', 'thuyền', 'thuyền'],
    // a marked main vowel takes it whatever the glide
    ['thúê', 'thuế', 'thuế'],
    ['tùân', 'tuần', 'tuần'],
    ['thủơ', 'thuở', 'thuở'],
    ['họăc', 'hoặc', 'hoặc'],
    // diphthongs: the second vowel before a coda, the first without
    ['nứơc', 'nước', 'nước'],
    ['ngừơi', 'người', 'người'],
    ['tíêng', 'tiếng', 'tiếng'],
    ['múôn', 'muốn', 'muốn'],
    ['ýêu', 'yếu', 'yếu'],
    ['rựơu', 'rượu', 'rượu'],
    ['cuả', 'của', 'của'],
    ['muá', 'múa', 'múa'],
    ['miá', 'mía', 'mía'],
    ['cưả', 'cửa', 'cửa'],
    // semivowel codas never take it
    ['đaọ', 'đạo', 'đạo'],
    ['chaý', 'cháy', 'cháy'],
    ['đâù', 'đầu', 'đầu'],
    ['hòai', 'hoài', 'hoài'],
    ['tủôi', 'tuổi', 'tuổi'],
    ['hiêủ', 'hiểu', 'hiểu'],
    ['khuyủ', 'khuỷu', 'khuỷu'],
    // qu and gi are onsets
    ['qúy', 'quý', 'quý'],
    ['qủa', 'quả', 'quả'],
    ['qúôc', 'quốc', 'quốc'],
    ['gía', 'giá', 'giá'],
    ['gĩưa', 'giữa', 'giữa'],
    ['gìn', 'gìn', 'gìn'],
  ])('%s → %s (traditional), %s (modern)', (written, traditional, modern) => {
    expect(normalizeTone(written, 'traditional')).toBe(traditional);
    expect(normalizeTone(written, 'modern')).toBe(modern);
  });

  it('keeps the case of each letter', () => {
    expect(normalizeTone('HOÀ', 'traditional')).toBe('HÒA');
    expect(normalizeTone('Ủy', 'modern')).toBe('Uỷ');
    expect(normalizeTone('NỨƠC', 'modern')).toBe('NƯỚC');
  });

  it('takes decomposed input and gives composed output', () => {
    expect(normalizeTone('đaọ'.normalize('NFD'), 'traditional')).toBe('đạo');
    expect(normalizeTone('hoa\u0300'.normalize('NFD'), 'traditional')).toBe('hòa');
  });

  it('leaves words that are not one syllable as they are', () => {
    for (const word of ['café', 'résumé', 'Nguyễn-Văn', 'ASCII', 'x']) expect(normalizeTone(word, 'traditional')).toBe(word);
  });
});

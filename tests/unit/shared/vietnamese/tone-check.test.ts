import { describe, expect, it } from 'vitest';
import { applyAllFixes, applyFix } from '../../../../shared/vietnamese/fixes';
import { checkTones } from '../../../../shared/vietnamese/tone-check';

describe('checkTones', () => {
  it('finds the issue’s examples, with their places and fixes', () => {
    const text = 'lãnh đaọ, nứơc, tóan, gía, qúy';
    expect(checkTones(text, 'traditional')).toEqual([
      { start: 5, end: 8, kind: 'misplaced-tone', found: 'đaọ', suggestion: 'đạo' },
      { start: 10, end: 14, kind: 'misplaced-tone', found: 'nứơc', suggestion: 'nước' },
      { start: 16, end: 20, kind: 'misplaced-tone', found: 'tóan', suggestion: 'toán' },
      { start: 22, end: 25, kind: 'misplaced-tone', found: 'gía', suggestion: 'giá' },
      { start: 27, end: 30, kind: 'misplaced-tone', found: 'qúy', suggestion: 'quý' },
    ]);
  });

  it('reports the other house style as house-style, by the document’s style', () => {
    expect(checkTones('hoà bình, thủy sản', 'traditional')).toEqual([{ start: 0, end: 3, kind: 'house-style', found: 'hoà', suggestion: 'hòa' }]);
    expect(checkTones('hoà bình, thủy sản', 'modern')).toEqual([{ start: 10, end: 14, kind: 'house-style', found: 'thủy', suggestion: 'thuỷ' }]);
  });

  it('is quiet on correct text in either style', () => {
    const text = 'Tỉnh ủy đã tập trung lãnh đạo, quản lý tốt nguồn nước, quý giá, giữ gìn thuở trước.';
    expect(checkTones(text, 'traditional')).toEqual([]);
    expect(checkTones(text.replace('ủy', 'uỷ'), 'modern')).toEqual([]);
  });

  it('ignores words that are not Vietnamese syllables', () => {
    expect(checkTones('café, résumé, José, Zürich', 'traditional')).toEqual([]);
  });

  it('counts offsets in UTF-16 units, over decomposed text too', () => {
    const nfd = 'Ông đaọ'.normalize('NFD');
    const [finding] = checkTones(nfd, 'traditional');
    expect(nfd.slice(finding!.start, finding!.end)).toBe('đaọ'.normalize('NFD'));
    expect(finding!.suggestion).toBe('đạo');
  });
});

describe('fix one, fix all (text edits)', () => {
  const text = 'Tập trung lãnh đaọ; hoà bình và hoà hợp.';
  const findings = checkTones(text, 'traditional');

  it('fixes one finding', () => {
    expect(applyFix(text, findings[0]!)).toBe('Tập trung lãnh đạo; hoà bình và hoà hợp.');
    expect(applyFix(text, findings[1]!, 'hòa')).toBe('Tập trung lãnh đaọ; hòa bình và hoà hợp.');
  });

  it('fixes all of them', () => {
    expect(applyAllFixes(text, findings)).toBe('Tập trung lãnh đạo; hòa bình và hòa hợp.');
  });

  it('changes nothing where the text no longer says what was found', () => {
    expect(applyFix('Tập trung lãnh đạo', findings[0]!)).toBe('Tập trung lãnh đạo');
    expect(applyFix('x', { start: 0, end: 1, kind: 'spelling', found: 'x', suggestions: [] })).toBe('x');
  });
});

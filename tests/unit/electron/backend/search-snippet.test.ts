/**
 * Search snippets fold only a window around the first match (electron/backend/search.ts, for
 * speed on long interviews). Whatever the text, the snippet must be the one folding the whole
 * text gives: same excerpt, same highlighted ranges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryTokens, snippetIn, snippetOfText } from '../../../../electron/backend/search';

// Vietnamese letters in both cases, đ, plain ASCII, digits, separators, and a few characters
// that fold to more or fewer units (İ, ß, NFD marks, an astral letter) to exercise the fallback.
const ALPHABET = [...'aàảãáạăằẳẵắặâầẩẫấậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđĐDdAĂÂÊÔƠƯbcghklmnpqrstvx019'];
const ODD = ['İ', 'ß', 'e\u0301', '𝒜', 'ς', 'Σ'];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', ' · ', '-', '\u00a0'];

const word = fc.array(fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...ALPHABET) }, { weight: 1, arbitrary: fc.constantFrom(...ODD) }), { minLength: 1, maxLength: 7 }).map((cs) => cs.join(''));
const text = fc.array(fc.tuple(word, fc.constantFrom(...SEPARATORS)), { maxLength: 400 }).map((ws) => ws.map(([w, s]) => w + s).join(''));

describe('search snippets', () => {
  it('are the same when only a window around the first match is folded', () => {
    fc.assert(
      fc.property(text, fc.array(word, { minLength: 1, maxLength: 3 }), (t, queryWords) => {
        const tokens = queryTokens(queryWords.join(' '));
        fc.pre(tokens.length > 0);
        expect(snippetOfText(t, tokens)).toEqual(snippetIn(t, tokens, 0, t.length));
      }),
      { numRuns: 500 },
    );
  });

  it('are the same for words taken from the text itself (so that they match)', () => {
    fc.assert(
      fc.property(text.filter((t) => t.trim() !== ''), fc.nat(), fc.nat(), (t, i, j) => {
        const words = t.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
        fc.pre(words.length > 0);
        const tokens = queryTokens(`${words[i % words.length]!.slice(0, 3)} ${words[j % words.length]}`);
        expect(snippetOfText(t, tokens)).toEqual(snippetIn(t, tokens, 0, t.length));
      }),
      { numRuns: 500 },
    );
  });
});

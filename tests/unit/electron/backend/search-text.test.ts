/**
 * The search text stored on save is folded line by line with the last document's lines remembered
 * (electron/backend/search-text.ts). It must always equal folding the whole text at once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldedSearchText } from '../../../../electron/backend/search-text';
import { newInterview } from '../../../../shared/model/factory';
import type { Interview } from '../../../../shared/model/schema';
import { searchableText } from '../../../../shared/model/text';
import { foldForSearch } from '../../../../shared/text/normalize-text';

const CHARS = [...'aảạăằâấđĐdeêếiỉoơớưựyỹAÂÊĐ Σσςİß\u0301\u0323\n·-.,1'];
const line = fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }).map((cs) => cs.join(''));

function interview(paragraphs: string[], sapo: string): Interview {
  const doc = newInterview('d1', 'vi');
  doc.meta.sapo = sapo;
  doc.body = [{ type: 'turn', speakerId: 'p1', children: paragraphs.map((text) => ({ type: 'paragraph' as const, children: [{ text }] })) }];
  return doc;
}

describe('folded search text', () => {
  it('equals folding the whole text, before and after an edit', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), line, fc.nat(), line, (paragraphs, sapo, at, replacement) => {
        const before = interview(paragraphs, sapo);
        expect(foldedSearchText(before)).toBe(foldForSearch(searchableText(before)));
        const edited = [...paragraphs];
        edited[at % edited.length] = replacement;
        const after = interview(edited, sapo);
        expect(foldedSearchText(after)).toBe(foldForSearch(searchableText(after)));
      }),
      { numRuns: 300 },
    );
  });
});

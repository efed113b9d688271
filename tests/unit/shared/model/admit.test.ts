/**
 * Normalise, then validate: whatever the schema accepts is either admitted in a form that every
 * later check accepts and that normalising again does not change, or refused with the reason.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitInterview } from '../../../../shared/model/admit';
import { newInterview } from '../../../../shared/model/factory';
import { normalizeInterview } from '../../../../shared/model/normalize';
import { LIMITS, type Interview, type TextLeaf } from '../../../../shared/model/schema';
import { validateInterview } from '../../../../shared/model/validate';

// Characters that grow, vanish or change under NFC and cleaning, mixed with ordinary letters.
const TRICKY = ['\uFB2C', '\u0958', '\u0085', '\uFEFF', '\u200B', 'a\u0301', 'ệ', 'đ', ' ', '\u0000', '\uD800', 'x', 'Đảng', '\t', '\n'];
const tricky = (maxLength: number) => fc.array(fc.constantFrom(...TRICKY), { maxLength }).map((parts) => parts.join(''));
const bigRun = fc.constantFrom(0, 1, 40_000, 60_000).map((n) => 'ê'.repeat(n));

const leaf: fc.Arbitrary<TextLeaf> = fc.record({ text: fc.oneof(tricky(20), bigRun), bold: fc.constantFrom(undefined, true as const) }).map(({ text, bold }) => (bold ? { text, bold } : { text }));

const document: fc.Arbitrary<Interview> = fc
  .record({
    headline: fc.oneof(tricky(30), fc.constantFrom('\uFB2C'.repeat(LIMITS.shortField), '\u0958'.repeat(400))),
    slug: tricky(10),
    keywords: fc.array(tricky(8), { maxLength: 3 }),
    label: fc.oneof(tricky(12), fc.constant('\uFB2C'.repeat(LIMITS.shortField))),
    leaves: fc.array(leaf, { minLength: 1, maxLength: 4 }),
    comment: fc.oneof(tricky(6), fc.constantFrom('\u0085', '\uFEFF', 'ok')),
  })
  .map(({ headline, slug, keywords, label, leaves, comment }) => {
    const doc = newInterview('doc-1', 'vi');
    doc.meta = { ...doc.meta, headline, slug, keywords };
    doc.participants = doc.participants.map((p, i) => (i === 1 ? { ...p, label } : p));
    const anchored = leaves.map((l, i) => (i === 0 ? { ...l, comments: ['t1'] } : l));
    doc.body = [{ type: 'turn', speakerId: doc.participants[0]!.id, children: [{ type: 'paragraph', children: anchored }] }];
    doc.comments = [{ id: 't1', quote: 'q', comments: [{ id: 'c1', authorId: 'u', authorName: 'Lan', createdAt: '2026-01-01T00:00:00.000Z', text: comment }] }];
    return doc;
  });

describe('admitting a document', () => {
  it('admits only what validates after normalising, in a form normalising does not change', () => {
    let admitted = 0;
    let refused = 0;
    fc.assert(
      fc.property(document, (doc) => {
        fc.pre(validateInterview(doc).ok); // what the schema accepts, as a hostile file could carry
        const result = admitInterview(doc);
        if (!result.ok) {
          refused++;
          expect(result.problems.length).toBeGreaterThan(0);
          return;
        }
        admitted++;
        expect(validateInterview(result.doc).ok).toBe(true);
        expect(normalizeInterview(result.doc)).toEqual(result.doc);
        expect(admitInterview(result.doc)).toEqual(result);
      }),
      { numRuns: 300 },
    );
    // Both outcomes happen: the generator is not trivially on one side.
    expect(admitted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('refuses what normalising pushes over a limit or empties, naming the place', () => {
    const base = newInterview('doc-1', 'vi');
    const refusedAt = (doc: Interview) => {
      expect(validateInterview(doc).ok).toBe(true); // valid before normalising…
      const result = admitInterview(doc);
      expect(result.ok).toBe(false); // …but not after
      return result.ok ? [] : result.problems.map((p) => p.path);
    };
    expect(refusedAt({ ...base, meta: { ...base.meta, headline: '\uFB2C'.repeat(500) } })).toContain('meta.headline');
    expect(refusedAt({ ...base, meta: { ...base.meta, headline: '\u0958'.repeat(400) } })).toContain('meta.headline');
    const twoRuns: Interview = { ...base, body: [{ type: 'paragraph', children: [{ text: 'a'.repeat(60_000) }, { text: 'b'.repeat(60_000) }] }] };
    expect(refusedAt(twoRuns).some((p) => p.startsWith('body.0.children.0.text'))).toBe(true);
    const emptyComment: Interview = {
      ...base,
      comments: [{ id: 't1', quote: '', comments: [{ id: 'c1', authorId: 'u', authorName: 'Lan', createdAt: '2026-01-01T00:00:00.000Z', text: '\u0085' }] }],
    };
    expect(refusedAt(emptyComment).some((p) => p.startsWith('comments.0.comments.0.text'))).toBe(true);
  });
});

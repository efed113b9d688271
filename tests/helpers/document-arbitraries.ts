/**
 * Interview documents for property tests of storing and opening them (shared/model/repair.ts, the
 * document store): documents the schema accepts, many of which normalising pushes over a limit, and
 * stored documents that break a limit outright, as versions before the limits wrote them.
 */
import fc from 'fast-check';
import { newInterview } from '../../shared/model/factory';
import { LIMITS, type Block, type Interview, type TextLeaf, type Turn } from '../../shared/model/schema';

// Characters that grow, vanish or change under NFC and cleaning, mixed with ordinary letters.
const TRICKY = ['\uFB2C', '\u0958', '\u0085', '\uFEFF', '\u200B', 'a\u0301', 'ệ', 'đ', ' ', '\u0000', '\uD800', 'x', 'Đảng', '\t', '\n', '😀'];
const tricky = (maxLength: number) => fc.array(fc.constantFrom(...TRICKY), { maxLength }).map((parts) => parts.join(''));
const bigRun = fc.constantFrom(0, 1, 40_000, 60_000, 99_999).map((n) => 'ê'.repeat(n));
const leaf: fc.Arbitrary<TextLeaf> = fc
  .record({ text: fc.oneof(tricky(20), bigRun), bold: fc.constantFrom(undefined, true as const) })
  .map(({ text, bold }) => (bold ? { text, bold } : { text }));

/** Documents the schema accepts, many of which normalising pushes over a limit. */
export const validDocument: fc.Arbitrary<Interview> = fc
  .record({
    headline: fc.oneof(tricky(30), fc.constantFrom('\uFB2C'.repeat(LIMITS.shortField), '\u0958'.repeat(400))),
    slug: tricky(10),
    keywords: fc.array(tricky(8), { maxLength: 3 }),
    label: fc.oneof(tricky(12), fc.constant('\uFB2C'.repeat(200))),
    leaves: fc.array(leaf, { minLength: 1, maxLength: 4 }),
    caption: fc.oneof(tricky(10), fc.constant('\u0958'.repeat(LIMITS.longField))),
    comment: fc.oneof(tricky(6), fc.constantFrom('\u0085', '\uFEFF', 'ok')),
  })
  .map(({ headline, slug, keywords, label, leaves, caption, comment }) => {
    const doc = newInterview('doc-1', 'vi');
    doc.meta = { ...doc.meta, headline, slug, keywords: keywords.filter((k) => k !== '') };
    doc.participants = doc.participants.map((p, i) => (i === 1 ? { ...p, label: label || 'x' } : p));
    const anchored = leaves.map((l, i) => (i === 0 ? { ...l, comments: ['t1'] } : l));
    const photo: Block = { type: 'photo', assetId: null, caption, credit: '', alt: '', children: [{ text: '' }] };
    doc.body = [{ type: 'turn', speakerId: doc.participants[0]!.id, children: [{ type: 'paragraph', children: anchored }, photo] }];
    doc.comments = [{ id: 't1', quote: 'q', comments: [{ id: 'c1', authorId: 'u', authorName: 'Lan', createdAt: '2026-01-01T00:00:00.000Z', text: comment }] }];
    return doc;
  });

// --- Stored documents that break limits (written before a limit existed, or by hand) ---

const words = (n: number) => Array.from({ length: n }, (_, i) => `từ${i % 97}`).join(' ');

/** A limit-breaking stored document: each flag breaks one limit, with ordinary text around it. */
export const limitBreaking = fc
  .record({
    longParagraph: fc.option(fc.integer({ min: LIMITS.paragraphText + 1, max: 2.5 * LIMITS.paragraphText }), { nil: undefined }),
    noSpaces: fc.boolean(),
    manyLeaves: fc.option(fc.integer({ min: LIMITS.leavesPerParagraph + 1, max: 4500 }), { nil: undefined }),
    longTurn: fc.option(fc.integer({ min: LIMITS.blocksPerTurn + 1, max: 4100 }), { nil: undefined }),
    headline: fc.option(fc.integer({ min: LIMITS.shortField + 1, max: 3000 }), { nil: undefined }),
    sapo: fc.option(fc.integer({ min: LIMITS.longField + 1, max: 12_000 }), { nil: undefined }),
    caption: fc.option(fc.integer({ min: LIMITS.longField + 1, max: 9000 }), { nil: undefined }),
    label: fc.option(fc.integer({ min: 201, max: 600 }), { nil: undefined }),
    keywords: fc.option(fc.integer({ min: LIMITS.keywords + 1, max: 150 }), { nil: undefined }),
    unknownSpeaker: fc.boolean(),
    emptyLabel: fc.boolean(),
    longComment: fc.option(fc.integer({ min: LIMITS.longField + 1, max: 16_000 }), { nil: undefined }),
  })
  .filter((f) => Object.entries(f).some(([k, v]) => k !== 'noSpaces' && v !== undefined && v !== false));

export type Flags = typeof limitBreaking extends fc.Arbitrary<infer F> ? F : never;

export function brokenDocument(f: Flags): Interview {
  const doc = newInterview('doc-1', 'vi');
  const text = (n: number) => (f.noSpaces ? 'ạ'.repeat(n) : words(n).slice(0, n));
  if (f.headline) doc.meta.headline = text(f.headline);
  if (f.sapo) doc.meta.sapo = text(f.sapo);
  if (f.keywords) doc.meta.keywords = Array.from({ length: f.keywords }, (_, i) => `kw${i}`);
  if (f.label) doc.participants[1]!.label = text(f.label);
  if (f.emptyLabel) doc.participants[0]!.label = '';
  const body: Block[] = [{ type: 'paragraph', children: [{ text: 'Mở đầu.' }] }];
  if (f.longParagraph) body.push({ type: 'paragraph', children: [{ text: text(f.longParagraph) }] });
  if (f.manyLeaves) body.push({ type: 'paragraph', children: Array.from({ length: f.manyLeaves }, (_, i) => (i % 2 ? { text: `b${i}`, bold: true as const } : { text: `p${i}` })) });
  const answer: Turn['children'] = [{ type: 'paragraph', children: [{ text: 'Trả lời.' }] }];
  if (f.longTurn) for (let i = 0; i < f.longTurn; i++) answer.push({ type: 'paragraph', children: [{ text: `Đoạn ${i}.` }] });
  body.push({ type: 'turn', speakerId: 'p2', children: answer });
  if (f.caption) body.push({ type: 'photo', assetId: null, caption: text(f.caption), credit: 'TTXVN', alt: '', children: [{ text: '' }] });
  if (f.unknownSpeaker) body.push({ type: 'turn', speakerId: 'p9', children: [{ type: 'paragraph', children: [{ text: 'Ai nói?' }] }] });
  body.push({ type: 'paragraph', children: [{ text: 'Kết.' }] });
  doc.body = body;
  if (f.longComment) {
    doc.comments = [{ id: 't1', quote: 'Mở đầu.', comments: [{ id: 'c1', authorId: 'u', authorName: 'Lan', createdAt: '2026-01-01T00:00:00.000Z', text: text(f.longComment) }] }];
    (doc.body[0] as { children: TextLeaf[] }).children[0]!.comments = ['t1'];
  }
  return doc;
}


/**
 * Lenient repair on load (shared/model/repair.ts): whatever the schema accepts opens, in the form
 * admission would store, and stays that way; a stored document that breaks a limit opens as a valid
 * document with the list of what was changed, and no character of it is lost.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admitInterview } from '../../../../shared/model/admit';
import { newInterview } from '../../../../shared/model/factory';
import { normalizeInterview } from '../../../../shared/model/normalize';
import { cutPoint, repairInterview, type Repair } from '../../../../shared/model/repair';
import { LIMITS, type Block, type Interview, type TextLeaf } from '../../../../shared/model/schema';
import { validateInterview } from '../../../../shared/model/validate';
import { brokenDocument, limitBreaking, validDocument, type Flags } from '../../../helpers/document-arbitraries';

/** Every character of a document's text (fields, labels, captions, paragraphs), counted. */
function characters(doc: Interview): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (s: string) => {
    for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  };
  const m = doc.meta;
  [m.section, m.headline, m.subheadline, m.location, m.sapo, m.byline, m.source, m.slug, m.editorialNote, ...m.keywords].forEach(add);
  doc.participants.forEach((p) => [p.label, p.fullName, p.title].forEach(add));
  const block = (b: Block): void => {
    if (b.type === 'paragraph') b.children.forEach((l) => add(l.text));
    else if (b.type === 'photo') [b.caption, b.credit, b.alt].forEach(add);
    else b.children.forEach(block);
  };
  doc.body.forEach(block);
  for (const t of doc.comments ?? []) t.comments.forEach((c) => add(c.text));
  return counts;
}

/** No character of `before` is missing from `after` (repairs only add: spaces, labels). */
function expectNoCharacterLost(before: Interview, after: Interview): void {
  const had = characters(before);
  const has = characters(after);
  const lost = [...had].filter(([ch, n]) => (has.get(ch) ?? 0) < n).map(([ch, n]) => `${JSON.stringify(ch)} ×${n - (has.get(ch) ?? 0)}`);
  expect(lost).toEqual([]);
}

/** Opened, the document is one admission accepts as it is, and opening it again changes nothing. */
function expectStable(doc: Interview): void {
  expect(validateInterview(doc).ok).toBe(true);
  expect(admitInterview(doc)).toEqual({ ok: true, doc });
  expect(repairInterview(doc)).toEqual({ ok: true, doc, repairs: [] });
}

describe('repairInterview on documents the schema accepts', () => {
  it('opens every one: as admission stores it when admission takes it, else repaired, stable, with no character lost', () => {
    let repaired = 0;
    fc.assert(
      fc.property(validDocument, (doc) => {
        fc.pre(validateInterview(doc).ok);
        const result = repairInterview(doc);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expectStable(result.doc);
        const admitted = admitInterview(doc);
        if (admitted.ok) {
          expect(result).toEqual({ ok: true, doc: admitted.doc, repairs: [] });
          return;
        }
        repaired++;
        expect(result.repairs.length).toBeGreaterThan(0);
        expectNoCharacterLost(normalizeInterview(doc), result.doc);
      }),
      { numRuns: 200 },
    );
    expect(repaired).toBeGreaterThan(0); // the generator reaches the repairs
  }, 60_000); // property runs: generous on a busy machine
});

describe('repairInterview on stored documents that break limits', () => {
  it('opens each as a valid document, lists what it changed, loses no character, and is stable', () => {
    fc.assert(
      fc.property(limitBreaking, (flags) => {
        const stored = brokenDocument(flags);
        expect(admitInterview(stored).ok).toBe(false); // refused before this change
        const result = repairInterview(stored);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expectStable(result.doc);
        expect(result.repairs.length).toBeGreaterThan(0);
        expectNoCharacterLost(stored, result.doc);
      }),
      { numRuns: 40 },
    );
  }, 60_000); // property runs: generous on a busy machine

  it('splits an over-long paragraph at spaces, keeping its words whole and in order, and names it', () => {
    const stored = brokenDocument({ longParagraph: 250_000, noSpaces: false } as Flags);
    const result = repairInterview(stored);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const original = (stored.body[1] as { children: TextLeaf[] }).children[0]!.text;
    const parts = result.doc.body.slice(1, 4).map((b) => (b as { children: TextLeaf[] }).children.map((l) => l.text).join(''));
    expect(parts.join('')).toBe(original);
    expect(parts.every((p) => p.length <= LIMITS.paragraphText)).toBe(true);
    expect(parts.slice(0, -1).every((p) => p.endsWith(' '))).toBe(true); // cut after a space: no word split
    expect(result.repairs).toEqual<Repair[]>([{ kind: 'paragraphSplit', excerpt: expect.stringMatching(/^từ0 từ1 .*…$/) as unknown as string, length: 250_000, parts: 3 }]);
  });

  it('moves the end of a long headline to a paragraph at the start of the text, and of a long caption after its photo', () => {
    const stored = brokenDocument({ headline: 700, caption: 6000, noSpaces: false } as Flags);
    const result = repairInterview(stored);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const first = result.doc.body[0] as { children: TextLeaf[] };
    expect(result.doc.meta.headline + first.children[0]!.text).toBe(stored.meta.headline);
    const at = result.doc.body.findIndex((b) => b.type === 'photo');
    const photo = result.doc.body[at] as { caption: string };
    const after = result.doc.body[at + 1] as { children: TextLeaf[] };
    expect(photo.caption + after.children[0]!.text).toBe((stored.body.find((b) => b.type === 'photo') as { caption: string }).caption);
    expect(result.repairs.map((r) => r.kind === 'textMoved' && [r.field, r.to])).toEqual([
      ['headline', 'start'],
      ['caption', 'afterPhoto'],
    ]);
  });

  it('splits a turn with too many paragraphs into turns of the same speaker, and gives an unknown speaker a placeholder', () => {
    const result = repairInterview(brokenDocument({ longTurn: 4100, unknownSpeaker: true, noSpaces: false } as Flags));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const turns = result.doc.body.filter((b) => b.type === 'turn');
    expect(turns.map((t) => [t.speakerId, t.children.length])).toEqual([
      ['p2', 2000],
      ['p2', 2000],
      ['p2', 101],
      ['p9', 1],
    ]);
    expect(result.doc.participants.at(-1)).toMatchObject({ id: 'p9', label: 'Người nói 3' });
    expect(result.repairs).toEqual([
      { kind: 'turnSplit', speaker: 'Khách mời', parts: 3 },
      { kind: 'speakerAdded', label: 'Người nói 3' },
    ]);
  });

  it('joins neighbouring paragraphs of a body over the block cap, and leaves out only what cannot be joined', () => {
    const doc = newInterview('doc-1', 'en');
    doc.body = Array.from({ length: LIMITS.bodyBlocks + 5 }, (_, i) => ({ type: 'paragraph' as const, children: [{ text: `P${i}` }] }));
    const joined = repairInterview(doc);
    if (!joined.ok) throw new Error(JSON.stringify(joined.problems));
    expect(joined.doc.body).toHaveLength(LIMITS.bodyBlocks);
    expect(joined.doc.body.at(-1)).toEqual({ type: 'paragraph', children: [{ text: `P${LIMITS.bodyBlocks - 1} P${LIMITS.bodyBlocks} P${LIMITS.bodyBlocks + 1} P${LIMITS.bodyBlocks + 2} P${LIMITS.bodyBlocks + 3} P${LIMITS.bodyBlocks + 4}` }] });
    expect(joined.repairs).toEqual([{ kind: 'blocksJoined', count: 5 }]);

    const photos = newInterview('doc-2', 'en');
    photos.body = Array.from({ length: LIMITS.bodyBlocks + 2 }, (_, i) =>
      i % 2 ? { type: 'photo' as const, assetId: null, caption: `${i}`, credit: '', alt: '', children: [{ text: '' as const }] } : { type: 'paragraph' as const, children: [{ text: `P${i}` }] },
    );
    const cut = repairInterview(photos);
    if (!cut.ok) throw new Error(JSON.stringify(cut.problems));
    // Left out: the last three blocks (a paragraph between two photos), so that the body does not end with a photo.
    expect(cut.doc.body).toHaveLength(LIMITS.bodyBlocks - 1);
    expect(cut.doc.body.at(-1)).toEqual({ type: 'paragraph', children: [{ text: `P${LIMITS.bodyBlocks - 2}` }] });
    expect(cut.repairs).toEqual([{ kind: 'blocksLeftOut', count: 3 }]);
  });

  it('still refuses damage that is not a limit, with the schema’s reasons and the partly repaired value', () => {
    const doc = { ...newInterview('doc-1', 'vi'), body: [{ type: 'paragraph', children: [{ text: 42 }] }] };
    const result = repairInterview(doc);
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'body.0.children.0.text' }] });
    expect(repairInterview('not a document')).toMatchObject({ ok: false });
  });
});

describe('cutPoint', () => {
  it('cuts after a space near the limit, else between characters, never inside a pair or before a mark', () => {
    expect(cutPoint('abcdefgh ijkl', 10)).toBe(9);
    expect(cutPoint('abcdefgh', 5)).toBe(5);
    expect(cutPoint('abcd😀x', 5)).toBe(4); // 😀 is two units: not split
    expect(cutPoint('abcda\u0301x', 5)).toBe(4); // the accent stays with its a
    expect(cutPoint('short', 10)).toBe(5);
  });
});

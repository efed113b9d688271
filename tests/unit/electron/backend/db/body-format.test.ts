/** The v10 storage layout: position keys keep their order, deltas and histories read back exactly. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDelta, encodeDelta, encodeHistory, keyBetween, keysBetween, layoutKeys, MAX_KEY_LENGTH, splitDocument, storedText } from '../../../../../electron/backend/db/body-format';

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const key = fc.string({ unit: fc.constantFrom(...DIGITS), minLength: 1, maxLength: 8 }).filter((k) => !k.endsWith('0'));
const wellFormed = (k: string) => /^[0-9A-Za-z]*[1-9A-Za-z]$/.test(k);

describe('position keys', () => {
  it('a key between two keys lies strictly between them and never ends in 0', () => {
    fc.assert(
      fc.property(key, key, (x, y) => {
        fc.pre(x !== y);
        const [a, b] = x < y ? [x, y] : [y, x];
        const k = keyBetween(a, b);
        expect(a < k && k < b).toBe(true);
        expect(wellFormed(k)).toBe(true);
      }),
    );
  });

  it('keys before the first and after the last keep their order', () => {
    fc.assert(
      fc.property(key, (a) => {
        expect(keyBetween(null, a) < a).toBe(true);
        expect(keyBetween(a, null) > a).toBe(true);
        expect(wellFormed(keyBetween(null, a)) && wellFormed(keyBetween(a, null))).toBe(true);
      }),
    );
  });

  it('n keys between two bounds are increasing, inside the bounds and distinct', () => {
    fc.assert(
      fc.property(fc.option(key, { nil: null }), fc.option(key, { nil: null }), fc.integer({ min: 0, max: 300 }), (x, y, n) => {
        const [a, b] = x !== null && y !== null && y < x ? [y, x] : [x, y];
        fc.pre(a === null || b === null || a < b);
        const keys = keysBetween(a, b, n);
        expect(keys).toHaveLength(n);
        const all = [...(a === null ? [] : [a]), ...keys, ...(b === null ? [] : [b])];
        for (let i = 1; i < all.length; i++) expect(all[i - 1]! < all[i]!).toBe(true);
        expect(keys.every(wellFormed)).toBe(true);
      }),
    );
  });

  it('a laid-out body of 20,000 blocks has short increasing keys, with room after the last', () => {
    const keys = layoutKeys(20_000);
    expect(keys).toHaveLength(20_000);
    for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! < keys[i]!).toBe(true);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(4);
    expect(keys.at(-1)! < 'V').toBe(true);
  });

  it('a hundred blocks typed in at one place, or a thousand appended at the end, keep keys under the relayout length', () => {
    let lo = 'A';
    const hi = 'B';
    let longest = 0;
    for (let i = 0; i < 100; i++) {
      lo = keyBetween(lo, hi);
      longest = Math.max(longest, lo.length);
    }
    expect(longest).toBeLessThanOrEqual(24);
    expect(longest).toBeLessThan(MAX_KEY_LENGTH);
    let last = 'V';
    for (let i = 0; i < 1000; i++) last = keyBetween(last, null);
    expect(last.length).toBeLessThanOrEqual(20);
  });
});

const block = fc.oneof(
  fc.record({ type: fc.constant('paragraph'), children: fc.array(fc.record({ text: fc.string() }), { minLength: 1, maxLength: 2 }) }),
  fc.record({ type: fc.constant('photo'), caption: fc.string() }),
);
const documentOf = (body: unknown[], headline: string) => ({ format: 'interview-desk/1', id: 'd', meta: { headline }, participants: [], body, comments: [] });

describe('deltas and histories', () => {
  it('a delta against a snapshot reads back the document it encodes', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), fc.array(fc.oneof(fc.nat(11), block), { maxLength: 12 }), fc.string(), (snapshotBody, picks, headline) => {
        const snapshot = documentOf(snapshotBody, 'snapshot');
        const body = picks.map((p) => (typeof p === 'number' ? (snapshotBody[p] ?? { type: 'paragraph', children: [{ text: 'x' }] }) : p));
        const doc = documentOf(body, headline);
        const split = splitDocument(doc)!;
        const snapshotBlocks = snapshotBody.map((b) => JSON.stringify(b));
        const origin = split.blocks.map((b) => snapshotBlocks.indexOf(b));
        expect(applyDelta(JSON.parse(JSON.stringify(snapshot)), encodeDelta(split.frame, origin, split.blocks).delta)).toEqual(doc);
      }),
    );
  });

  it('every revision of a history, damaged ones too, reads back as its stored text', () => {
    const text = fc.oneof(
      { weight: 5, arbitrary: fc.tuple(fc.array(block, { maxLength: 8 }), fc.string()).map(([body, headline]) => JSON.stringify(documentOf(body, headline))) },
      { weight: 1, arbitrary: fc.string() },
      { weight: 1, arbitrary: fc.constant('{"format":"interview-desk/1","body":"not a list"}') },
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 15 }), (texts) => {
        const { snapshots, revisions } = encodeHistory(texts);
        revisions.forEach((r, i) => {
          const got = r.delta === null ? snapshots[r.snapshot]! : JSON.stringify(applyDelta(JSON.parse(snapshots[r.snapshot]!), r.delta));
          expect(got).toBe(texts[i]);
        });
      }),
    );
  });

  it('a stored frame gets its block rows back; a document kept verbatim reads as it was', () => {
    const doc = documentOf([{ type: 'paragraph', children: [{ text: 'Xin chào "body":[]' }] }], 'Tiêu đề');
    const split = splitDocument(doc)!;
    expect(JSON.parse(storedText(split.frame, split.blocks))).toEqual(doc);
    expect(storedText('{"format":"interview-desk/1", "id": "trunc', [])).toBe('{"format":"interview-desk/1", "id": "trunc');
    expect(storedText('{"body":"hỏng"}', [])).toBe('{"body":"hỏng"}');
  });
});

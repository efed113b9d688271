/**
 * Bad review state must never crash or block forever (a hand-edited file, a faulty version): a suggestion that refers
 * to nothing, a corrupt record, suggestions overlapping in odd ways. Everything still reads and
 * resolves; findProblems names the damage and discard removes it, leaving no problem behind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeInterview } from '../../../../shared/model/normalize';
import type { Interview, Paragraph, Photo, SuggestionKind, TextLeaf, Turn } from '../../../../shared/model/schema';
import { suggestionKindSchema } from '../../../../shared/model/schema';
import { inRange, listPending, pendingCount } from '../../../../shared/review/pending';
import { discard, findProblems } from '../../../../shared/review/problems';
import { accept, acceptAll, reject, rejectAll } from '../../../../shared/review/resolve';
import { salvageReview } from '../../../../shared/review/salvage';
import { suggest } from '../../../../shared/review/suggest';
import { editor, editSeed, editsFrom, interview, reporter, testClock } from './arbitraries';
import { canon, expectValid } from '../../../helpers/review-canon';

const SEED = 20261127;

const suggested = fc.record({ doc: interview, seeds: fc.array(editSeed, { minLength: 1, maxLength: 6 }), other: fc.array(editSeed, { maxLength: 3 }) }).map(({ doc, seeds, other }) => {
  const clock = testClock();
  const once = suggest(doc, editsFrom(doc, seeds), editor, clock);
  return other.length > 0 ? suggest(once, editsFrom(acceptAll(once), other), reporter, clock) : once;
});

type Corruption =
  | { op: 'dropRecord' | 'duplicateRecord' | 'dangling' | 'sameInsDel' | 'duplicateStep' | 'unknownSpeaker'; n: number }
  | { op: 'changeKind'; n: number; kind: SuggestionKind }
  | { op: 'mark'; n: number; mark: 'ins' | 'del'; id: number; leaf: boolean }
  | { op: 'badMeta'; n: number; from: string | number | null | string[] };

const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.record({ op: fc.constantFrom('dropRecord', 'duplicateRecord', 'dangling', 'sameInsDel', 'duplicateStep', 'unknownSpeaker' as const), n: fc.nat() }),
  fc.record({ op: fc.constant('changeKind' as const), n: fc.nat(), kind: fc.constantFrom(...suggestionKindSchema.options) }),
  fc.record({ op: fc.constant('mark' as const), n: fc.nat(), mark: fc.constantFrom('ins' as const, 'del' as const), id: fc.nat(12), leaf: fc.boolean() }),
  fc.record({ op: fc.constant('badMeta' as const), n: fc.nat(), from: fc.constantFrom<string | number | null | string[]>('x'.repeat(600), 'không phải số', 42, null, ['a']) }),
);

function parts(doc: Interview) {
  const blocks = doc.body.flatMap((b) => (b.type === 'turn' ? [b, ...b.children] : [b]));
  return {
    leaves: blocks.flatMap((b) => (b.type === 'paragraph' ? b.children : [])) as TextLeaf[],
    blocks: blocks.filter((b): b is Turn | Photo => b.type !== 'paragraph'),
    turns: blocks.filter((b): b is Turn => b.type === 'turn'),
    containers: [doc.body, ...doc.body.flatMap((b) => (b.type === 'turn' ? [b.children] : []))],
  };
}

/** Damage a document in place, the way a buggy client or a hand-edited file might. */
function corrupt(doc: Interview, c: Corruption): void {
  const records = doc.review?.suggestions ?? [];
  const { leaves, blocks, turns, containers } = parts(doc);
  const nth = <T>(xs: readonly T[]) => (xs.length > 0 ? xs[c.n % xs.length] : undefined);
  const ids = [...records.map((r) => r.id), 'ghost-1', 'ghost-2'];
  switch (c.op) {
    case 'dropRecord':
      if (records.length > 0) records.splice(c.n % records.length, 1);
      break;
    case 'duplicateRecord': {
      const r = nth(records);
      if (r) records.push({ ...r, kind: 'setMeta' });
      break;
    }
    case 'changeKind': {
      const r = nth(records);
      if (r) r.kind = c.kind;
      break;
    }
    case 'mark': {
      const target = c.leaf ? nth(leaves) : nth(blocks);
      if (target) target[c.mark] = ids[c.id % ids.length]!;
      break;
    }
    case 'sameInsDel': {
      const leaf = nth(leaves);
      if (leaf) leaf.ins = leaf.del = nth(ids)!;
      break;
    }
    case 'dangling': {
      const children = nth(containers)!;
      const last = [...children].reverse().find((b): b is Paragraph => b.type === 'paragraph');
      if (last) last.breakAfter = { base: c.n % 2 === 0 ? 'joined' : 'break', changes: [{ id: nth(ids)!, op: 'join' }] };
      break;
    }
    case 'duplicateStep': {
      const turn = nth(turns);
      if (turn) turn.changes = [...(turn.changes ?? []), { id: 'ghost-1', field: 'speakerId', from: 'p2' }, { id: 'ghost-1', field: 'speakerId', from: 'p1' }];
      break;
    }
    case 'unknownSpeaker': {
      const turn = nth(turns);
      if (turn) turn.changes = [{ id: nth(ids)!, field: 'speakerId', from: 'p-left-the-panel' }, ...(turn.changes ?? [])];
      break;
    }
    case 'badMeta':
      doc.review ??= { suggestions: [], metaChanges: [] };
      doc.review.metaChanges.push({ id: nth(ids)!, field: c.n % 2 === 0 ? 'urgency' : 'headline', from: c.from });
      break;
  }
}

const damaged = fc.tuple(suggested, fc.array(corruption, { minLength: 1, maxLength: 4 })).map(([doc, cs]) => {
  const copy = JSON.parse(JSON.stringify(doc)) as Interview;
  for (const c of cs) corrupt(copy, c);
  return copy;
});

describe('damaged review state', () => {
  it('never throws: listing, selecting, accepting and rejecting all work, and give documents that can be stored', () => {
    fc.assert(
      fc.property(damaged, fc.nat(), (doc, n) => {
        const pending = listPending(doc);
        expect(pendingCount(doc)).toBe(pending.length);
        inRange(doc, { anchor: { path: [0, 0], offset: 0 }, focus: { path: [doc.body.length - 1, 0, 0], offset: n % 5 } });
        findProblems(doc);
        const some = pending.filter((_, i) => i % 2 === n % 2).map((p) => p.id);
        for (const out of [acceptAll(doc), rejectAll(doc), accept(doc, some), reject(doc, some)]) expectValid(normalizeInterview(out));
        expect(pendingCount(acceptAll(doc))).toBe(0);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('discard leaves no problem, a valid document, and is a no-op on a healthy one', () => {
    fc.assert(
      fc.property(damaged, (doc) => {
        const clean = discard(doc);
        expect(findProblems(clean)).toEqual([]);
        expectValid(clean);
        expectValid(rejectAll(clean));
        expect(canon(discard(clean))).toEqual(canon(clean));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('names each kind of damage', () => {
    const doc = suggest(
      fc.sample(interview, { seed: SEED, numRuns: 1 })[0]!,
      [
        { type: 'setMeta', field: 'headline', value: 'Long An: Kết nạp đảng viên' },
        { type: 'insertTurn', at: 0, speakerId: 'p1', text: 'Thưa ông?' },
      ],
      editor,
      testClock(),
    );
    expect(findProblems(doc)).toEqual([]);
    const [meta, turn] = doc.review!.suggestions;

    const orphanMark = JSON.parse(JSON.stringify(doc)) as Interview;
    orphanMark.review!.suggestions = [meta!];
    expect(findProblems(orphanMark)).toEqual([{ type: 'missingRecord', id: turn!.id }]);

    const orphanRecord = JSON.parse(JSON.stringify(doc)) as Interview;
    orphanRecord.review!.suggestions.push({ ...meta!, id: 'left-behind' });
    expect(findProblems(orphanRecord)).toEqual([{ type: 'orphanRecord', id: 'left-behind' }]);
    // the Superdesk trap: a leftover record must not keep the document from going out
    expect(pendingCount(orphanRecord)).toBe(2);
    expect(pendingCount(discard(orphanRecord))).toBe(2);
    expect(discard(orphanRecord).review!.suggestions.map((s) => s.id)).toEqual([meta!.id, turn!.id]);

    const mismatch = JSON.parse(JSON.stringify(doc)) as Interview;
    mismatch.review!.suggestions[1] = { ...turn!, kind: 'insertText' };
    expect(findProblems(mismatch)).toEqual([{ type: 'mismatch', id: turn!.id, kind: 'insertText', use: 'turnIns' }]);
    expect(discard(mismatch).body).toEqual(rejectAll(doc).body);

    const overlap = JSON.parse(JSON.stringify(doc)) as Interview;
    (overlap.body[0] as Turn).del = turn!.id;
    expect(findProblems(overlap)).toEqual([{ type: 'overlap', id: turn!.id }]);

    const badMeta = JSON.parse(JSON.stringify(doc)) as Interview;
    badMeta.review!.metaChanges.push({ id: meta!.id, field: 'urgency', from: 'rất gấp' });
    expect(findProblems(badMeta)).toEqual([{ type: 'badMetaValue', id: meta!.id, field: 'urgency' }]);
    expect(rejectAll(badMeta).meta.urgency).toBe(doc.meta.urgency);
  });
});

/** A stored document as raw JSON, to damage in ways the types forbid. */
interface Raw {
  meta: Record<string, unknown>;
  body: Record<string, unknown>[];
  review: { suggestions: Record<string, unknown>[]; metaChanges: Record<string, unknown>[] };
}
const raw = (doc: Interview) => JSON.parse(JSON.stringify(doc)) as Raw;

describe('salvageReview: review state damaged in its shape', () => {
  const good = () => {
    const [doc] = fc.sample(interview, { seed: SEED, numRuns: 1 }) as [Interview];
    return suggest(doc, [{ type: 'insertTurn', at: 0, speakerId: 'p1', text: 'Thưa ông?' }, { type: 'setMeta', field: 'headline', value: 'Tít mới' }], editor, testClock());
  };

  it('drops just the damaged parts and opens the document', () => {
    const damaged = raw(good());
    damaged.review.suggestions[0]!.createdAt = 'hôm qua';
    damaged.review.metaChanges[0]!.field = 'status';
    damaged.body[0]!.ins = 42;
    damaged.body[damaged.body.length - 1]!.breakAfter = { base: 'maybe', changes: [] };
    const result = salvageReview(damaged);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dropped.length).toBeGreaterThanOrEqual(4);
    expect(result.doc.body[0]!.type).toBe('turn');
    expect((result.doc.body[0] as Turn).ins).toBeUndefined();
    expect(result.doc.review!.suggestions).toHaveLength(1);
    expect(result.doc.review!.metaChanges).toEqual([]);
    // what is left is consistent after discard
    expect(findProblems(discard(result.doc))).toEqual([]);
  });

  it('keeps a healthy document as it is, and refuses damage outside the review state', () => {
    const doc = good();
    expect(salvageReview(doc)).toEqual({ ok: true, doc, dropped: [] });
    const damaged = raw(doc);
    damaged.meta.headline = 42;
    const result = salvageReview(damaged);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.path).toBe('meta.headline');
    // a review object that is not one at all is dropped whole
    expect(salvageReview({ ...raw(doc), review: 'hỏng' })).toMatchObject({ ok: true, doc: { body: doc.body } });
  });
});

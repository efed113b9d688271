/**
 * The merge of a returned review file, property-tested (shared/merge/merge.ts states the laws):
 * base is a generated interview; ours and theirs are each derived from it by an edit script (theirs
 * either edited directly, as in Editing mode, or recorded as suggestions, as in Suggesting mode).
 * ≡ is equality after normalisation (tests/helpers/review-canon.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeStrict } from '../../../../shared/merge/merge';
import { normalizeInterview } from '../../../../shared/model/normalize';
import type { Interview, Paragraph } from '../../../../shared/model/schema';
import { validateInterview } from '../../../../shared/model/validate';
import { edit } from '../../../../shared/review/edit';
import { findProblems } from '../../../../shared/review/problems';
import { acceptAll, acceptedView, reject, rejectAll } from '../../../../shared/review/resolve';
import { suggest } from '../../../../shared/review/suggest';
import { canon } from '../../../helpers/review-canon';
import { editor, editSeed, editsFrom, interview, reporter, testClock, type EditSeed } from '../review/arbitraries';

const SEED = Number(process.env.MERGE_SEED ?? 20261128);
const FACTOR = Number(process.env.MERGE_RUNS_FACTOR ?? 1);
const runs = (numRuns: number) => ({ seed: SEED, numRuns: Math.round(numRuns * FACTOR) });
const TIME = 60_000 * Math.max(1, FACTOR);
const AT = '2026-12-01T09:00:00.000Z';
// The merge without its safety net: a fallback would hide the reason (merge.ts).
const merge = (b: Interview, o: Interview, t: Interview) => mergeStrict(b, o, t, { author: editor, at: AT });

interface Case {
  base: Interview;
  ours: Interview;
  theirs: Interview;
}

const seeds = fc.array(editSeed, { maxLength: 5 });

/**
 * Ours edited plainly (the reporter in Editing mode); theirs edited plainly or suggested. Every
 * version is normalised, as every stored version is (a body never ends with a photo, …).
 */
const cases: fc.Arbitrary<Case> = fc.record({ base: interview, o: seeds, t: seeds, suggesting: fc.boolean() }).map(({ base, o, t, suggesting }) => ({
  base,
  ours: withSeeds(base, o),
  theirs: normalizeInterview(suggesting ? suggest(base, editsFrom(base, t), editor, testClock()) : edit(base, editsFrom(base, t))),
}));

function withSeeds(base: Interview, s: EditSeed[]): Interview {
  return normalizeInterview(edit(base, editsFrom(base, s)));
}

/**
 * The words of a document's body text as its accepted view reads, counted, or its letters: two
 * changes typed into one word (one side a letter before it, the other after) make one new word, so
 * what one side added is looked for letter by letter.
 */
function words(doc: Interview, by: 'word' | 'letter' = 'word'): Map<string, number> {
  const out = new Map<string, number>();
  const paragraph = (p: Paragraph) => {
    const text = p.children.map((l) => l.text).join('');
    for (const w of by === 'word' ? text.split(/\s+/) : [...text.replace(/\s+/g, '')]) if (w) out.set(w, (out.get(w) ?? 0) + 1);
  };
  for (const b of acceptedView(doc).body) {
    if (b.type === 'paragraph') paragraph(b);
    if (b.type === 'turn') for (const c of b.children) if (c.type === 'paragraph') paragraph(c);
  }
  return out;
}

/** Words of `x` beyond those of `y`, counted. */
function added(x: Map<string, number>, y: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [w, n] of x) if (n > (y.get(w) ?? 0)) out.set(w, n - (y.get(w) ?? 0));
  return out;
}

function expectContains(big: Map<string, number>, small: Map<string, number>, what: string): void {
  for (const [w, n] of small) expect(big.get(w) ?? 0, `${what}: “${w}”`).toBeGreaterThanOrEqual(n);
}

/** The suggestions a merge added to ours. */
function arrived(result: Interview, ours: Interview): string[] {
  const before = new Set((ours.review?.suggestions ?? []).map((r) => r.id));
  return (result.review?.suggestions ?? []).map((r) => r.id).filter((id) => !before.has(id));
}

function expectSound(doc: Interview): void {
  const checked = validateInterview(normalizeInterview(doc));
  expect(checked.ok ? [] : checked.problems).toEqual([]);
  expect(findProblems(doc)).toEqual([]);
}

/**
 * Body and metadata, ≡ as in the review tests, without empty paragraphs closing the body:
 * normalisation adds one wherever a body would end with a photo, so a merge whose text ends with a
 * photo has one, which stays when that photo's insertion is rejected.
 */
const bodyAndMeta = (d: Interview) => {
  const c = canon(d);
  const body = [...c.body];
  const isEmpty = (b: (typeof body)[number] | undefined) => b?.type === 'paragraph' && b.children.every((l) => l.text === '');
  while (body.length > 1 && isEmpty(body[body.length - 1])) body.pop();
  return { body, meta: c.meta };
};

describe('merging a returned version: identities', () => {
  it('merge(base, ours, base) is ours, unchanged', () => {
    fc.assert(
      fc.property(interview, seeds, (base, o) => {
        const ours = withSeeds(base, o);
        const r = merge(base, ours, base);
        expect(r.changed).toBe(false);
        expect(canon(r.doc)).toEqual(canon(ours));
      }),
      runs(150),
    );
  }, TIME);

  it('merge(base, base, theirs) reads as theirs with everything accepted, and as base with everything rejected', () => {
    fc.assert(
      fc.property(cases, ({ base, theirs }) => {
        const r = merge(base, base, theirs);
        expectSound(r.doc);
        expect(r.doc.review?.conflicts ?? []).toEqual([]);
        expect(bodyAndMeta(acceptAll(r.doc))).toEqual(bodyAndMeta(acceptedView(theirs)));
        expect(bodyAndMeta(rejectAll(r.doc))).toEqual(bodyAndMeta(base));
        expect(canon(acceptAll(r.doc)).participants).toEqual(canon(acceptedView(theirs)).participants);
        // Every suggestion is the editor's.
        for (const s of r.doc.review?.suggestions ?? []) expect(s).toMatchObject({ authorId: editor.id, authorName: editor.name, createdAt: AT });
      }),
      runs(300),
    );
  }, TIME);
});

describe('merging a returned version: both changed', () => {
  it('is a valid document whose review state has no problems, and rejecting what arrived gives ours back', () => {
    fc.assert(
      fc.property(cases, ({ base, ours, theirs }) => {
        const r = merge(base, ours, theirs);
        expectSound(r.doc);
        expect(bodyAndMeta(reject(r.doc, arrived(r.doc, ours)))).toEqual(bodyAndMeta(ours));
      }),
      runs(300),
    );
  }, TIME);

  it('loses no word: ours are all there, and everything they added is there with their changes accepted', () => {
    fc.assert(
      fc.property(cases, ({ base, ours, theirs }) => {
        const r = merge(base, ours, theirs);
        const all = words(acceptAll(r.doc), 'letter');
        expectContains(words(rejectAll(r.doc)), words(ours), 'ours');
        expectContains(all, added(words(theirs, 'letter'), words(base, 'letter')), 'theirs added');
        // Where nothing conflicts, what we added stays when theirs is accepted too.
        if ((r.doc.review?.conflicts ?? []).length === 0) expectContains(all, added(words(ours, 'letter'), words(base, 'letter')), 'ours added');
      }),
      runs(300),
    );
  }, TIME);

  it('is idempotent: merging the same returned version again changes nothing', () => {
    fc.assert(
      fc.property(cases, ({ base, ours, theirs }) => {
        const once = merge(base, ours, theirs).doc;
        const twice = merge(base, once, theirs);
        expect(canon(twice.doc)).toEqual(canon(once));
        expect(twice.changed).toBe(false);
      }),
      runs(200),
    );
  }, TIME);

  it('records conflicts only when both changed something, each with a pending suggestion or a value to show', () => {
    fc.assert(
      fc.property(cases, ({ base, ours, theirs }) => {
        const r = merge(base, ours, theirs);
        const conflicts = r.doc.review?.conflicts ?? [];
        if (canon(ours).body === canon(base).body) expect(conflicts).toEqual([]);
        const pending = new Set((r.doc.review?.suggestions ?? []).map((s) => s.id));
        for (const c of conflicts) {
          if (c.kind === 'detail') expect(c.theirs).toBeDefined();
          else if (c.kind !== 'placement') expect(c.suggestions.some((id) => pending.has(id)), JSON.stringify(c)).toBe(true);
          expect(c).toMatchObject({ authorId: editor.id, at: AT });
        }
        expect(r.conflicts).toBe(conflicts.length);
      }),
      runs(200),
    );
  }, TIME);
});

describe('merging a returned version: ours has suggestions of its own', () => {
  it('keeps the reporter’s pending suggestions as they are', () => {
    fc.assert(
      fc.property(interview, seeds, seeds, (base, o, t) => {
        const ours = normalizeInterview(suggest(base, editsFrom(base, o), reporter, testClock()));
        const theirs = withSeeds(base, t);
        const r = merge(base, ours, theirs);
        expectSound(r.doc);
        expect(bodyAndMeta(reject(r.doc, arrived(r.doc, ours)))).toEqual(bodyAndMeta(ours));
        for (const s of ours.review?.suggestions ?? []) {
          const kept = r.doc.review?.suggestions.find((x) => x.id === s.id);
          if (kept) expect(kept).toEqual(s);
        }
      }),
      runs(150),
    );
  }, TIME);
});

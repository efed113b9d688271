/**
 * What a caret or a selection takes for "accept/reject at the caret" and "… in the selection"
 * (shared/review/in-range.ts): exactly the suggestions whose marker the user points at. First the
 * reported case (a struck sentence in an answer whose speaker change was also pending: accepting
 * at the caret took both), then each kind of marker, then properties over random reviews checked
 * against a character-by-character reading of the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newInterview } from '../../../../shared/model/factory';
import type { Block, Interview, Paragraph, Photo, Turn } from '../../../../shared/model/schema';
import { inRange, type BodyPoint } from '../../../../shared/review/in-range';
import { listPending } from '../../../../shared/review/pending';
import { accept, acceptAll } from '../../../../shared/review/resolve';
import { suggest } from '../../../../shared/review/suggest';
import { forEachUsage, type Usage } from '../../../../shared/review/usages';
import { expectValid } from '../../../helpers/review-canon';
import { editor, editSeed, editsFrom, interview, reporter, testClock } from './arbitraries';

const SEED = Number(process.env.REVIEW_SEED ?? 20261127);
const FACTOR = Number(process.env.REVIEW_RUNS_FACTOR ?? 1);
const runs = (numRuns: number) => ({ seed: SEED, numRuns: Math.round(numRuns * FACTOR) });
const TIME = 20_000 * Math.max(1, FACTOR);

const para = (text: string): Paragraph => ({ type: 'paragraph', children: [{ text }] });
const turn = (speakerId: string, ...texts: string[]): Turn => ({ type: 'turn', speakerId, children: texts.map(para) });
const photo = (caption: string): Photo => ({ type: 'photo', assetId: null, caption, credit: 'TTXVN', alt: '', children: [{ text: '' }] });
const caret = (path: number[], offset: number) => ({ anchor: { path, offset }, focus: { path, offset } });
const range = (anchor: BodyPoint, focus: BodyPoint) => ({ anchor, focus });
const kindsOf = (doc: Interview, ids: readonly string[]) => ids.map((id) => doc.review?.suggestions.find((s) => s.id === id)?.kind);

const LAST_ANSWER = 'We plan ahead. We hired staff. We train them.';
const STRUCK = 'We hired staff. ';

function interviewWithThree(body: Block[]): Interview {
  const doc = newInterview('d1', 'en');
  doc.participants.push({ id: 'p3', label: 'Ms Lan', fullName: 'Lan', title: 'Director', role: 'interviewee' });
  doc.body = body;
  return doc;
}

/** The reported case: the editor strikes a sentence in the last answer, then gives the turn to the Guest (Alt+2). */
function reportedCase(): Interview {
  const doc = interviewWithThree([turn('p1', 'What did you do?'), turn('p3', 'We planned.'), turn('p1', 'And then?'), turn('p3', LAST_ANSWER)]);
  return suggest(
    doc,
    [
      { type: 'deleteText', at: { path: [3, 0], offset: LAST_ANSWER.indexOf(STRUCK) }, length: STRUCK.length },
      { type: 'setSpeaker', at: 3, speakerId: 'p2' },
    ],
    editor,
    testClock(),
  );
}

describe('the reported case: a struck sentence in an answer whose speaker change is pending too', () => {
  const marked = reportedCase();
  const answer = (doc: Interview) => (doc.body[3] as Turn).children[0] as Paragraph;
  const struckLeaf = answer(marked).children.findIndex((l) => l.del !== undefined);

  it('is marked as expected: the sentence struck in its own leaf, the turn given to the Guest', () => {
    expect(answer(marked).children[struckLeaf]).toMatchObject({ text: STRUCK });
    expect(marked.body[3]).toMatchObject({ speakerId: 'p2', changes: [{ field: 'speakerId', from: 'p3' }] });
    expect(listPending(marked).map((p) => p.kind)).toEqual(['setSpeaker', 'deleteText']);
  });

  it('a caret inside the struck sentence takes the deletion only; accepting it leaves the speaker change pending', () => {
    const ids = inRange(marked, caret([3, 0, struckLeaf], 4));
    expect(kindsOf(marked, ids)).toEqual(['deleteText']);
    const after = accept(marked, ids);
    expectValid(after);
    expect(listPending(after).map((p) => p.kind)).toEqual(['setSpeaker']);
    // The turn still reads as suggested: Guest, with Ms Lan the speaker until someone decides.
    expect(after.body[3]).toMatchObject({ speakerId: 'p2', changes: [{ field: 'speakerId', from: 'p3' }] });
    expect(answer(after).children.map((l) => l.text).join('')).toBe('We plan ahead. We train them.');
  });

  it('a caret at either edge of the struck sentence takes it, however Slate spells the place', () => {
    const end = STRUCK.length;
    for (const point of [
      { path: [3, 0, struckLeaf], offset: 0 },
      { path: [3, 0, struckLeaf - 1], offset: answer(marked).children[struckLeaf - 1]!.text.length },
      { path: [3, 0, struckLeaf], offset: end },
      { path: [3, 0, struckLeaf + 1], offset: 0 },
    ]) {
      expect(kindsOf(marked, inRange(marked, { anchor: point, focus: point })), JSON.stringify(point)).toEqual(['deleteText']);
    }
  });

  it('a caret elsewhere in the answer takes nothing, and the speaker change is never taken at a caret', () => {
    expect(inRange(marked, caret([3, 0, 0], 3))).toEqual([]);
    expect(inRange(marked, caret([3, 0, struckLeaf + 1], 5))).toEqual([]);
  });

  it("a selection of the struck sentence from the answer's first letter takes the deletion, not the label before it", () => {
    const ids = inRange(marked, range({ path: [3, 0, 0], offset: 0 }, { path: [3, 0, struckLeaf], offset: STRUCK.length }));
    expect(kindsOf(marked, ids)).toEqual(['deleteText']);
  });

  it('a selection that runs from the question before across the label takes the speaker change too', () => {
    const ids = inRange(marked, range({ path: [2, 0, 0], offset: 4 }, { path: [3, 0, struckLeaf], offset: 2 }));
    expect(kindsOf(marked, ids)).toEqual(['setSpeaker', 'deleteText']);
    // Ending exactly at the turn's start (a triple click on the question) does not reach the label.
    expect(inRange(marked, range({ path: [2, 0, 0], offset: 0 }, { path: [3, 0, 0], offset: 0 }))).toEqual([]);
  });
});

describe('what each marker needs', () => {
  it('a speaker change of the first block is covered by a selection from the very start of the body (Select All)', () => {
    const doc = suggest(interviewWithThree([turn('p1', 'Hello?'), turn('p3', 'Hi.')]), [{ type: 'setSpeaker', at: 0, speakerId: 'p2' }], editor, testClock());
    expect(kindsOf(doc, inRange(doc, range({ path: [0, 0, 0], offset: 0 }, { path: [1, 0, 0], offset: 3 })))).toEqual(['setSpeaker']);
    expect(inRange(doc, range({ path: [0, 0, 0], offset: 1 }, { path: [1, 0, 0], offset: 3 }))).toEqual([]);
    expect(inRange(doc, caret([0, 0, 0], 0))).toEqual([]);
  });

  it('a paragraph split is taken only by a selection that runs from the paragraph into the next', () => {
    const doc = suggest(interviewWithThree([turn('p3', 'One. Two.')]), [{ type: 'splitParagraph', at: { path: [0, 0], offset: 5 } }], editor, testClock());
    expect((doc.body[0] as Turn).children).toHaveLength(2);
    const firstEnd = { path: [0, 0, 0], offset: 5 };
    const secondStart = { path: [0, 1, 0], offset: 0 };
    expect(inRange(doc, { anchor: firstEnd, focus: firstEnd })).toEqual([]);
    expect(inRange(doc, { anchor: secondStart, focus: secondStart })).toEqual([]);
    // Up to the end of the first paragraph: its break is not in it.
    expect(inRange(doc, range({ path: [0, 0, 0], offset: 0 }, firstEnd))).toEqual([]);
    // From its end across to the next paragraph's start: the break itself.
    expect(kindsOf(doc, inRange(doc, range(firstEnd, secondStart)))).toEqual(['splitParagraph']);
    expect(kindsOf(doc, inRange(doc, range({ path: [0, 1, 0], offset: 2 }, { path: [0, 0, 0], offset: 2 })))).toEqual(['splitParagraph']);
  });

  it('a join (paragraphs merged) likewise', () => {
    const doc = suggest(interviewWithThree([turn('p3', 'One.', 'Two.')]), [{ type: 'mergeParagraphs', at: [0, 0] }], editor, testClock());
    expect(inRange(doc, caret([0, 0, 0], 4))).toEqual([]);
    expect(inRange(doc, range({ path: [0, 0, 0], offset: 1 }, { path: [0, 0, 0], offset: 4 }))).toEqual([]);
    expect(kindsOf(doc, inRange(doc, range({ path: [0, 0, 0], offset: 4 }, { path: [0, 1, 0], offset: 0 })))).toEqual(['mergeParagraphs']);
  });

  it('a photo change is taken in the photo element (either place of a move), not from the text beside it', () => {
    const base = interviewWithThree([turn('p1', 'Q?'), turn('p3', 'Answer.'), photo('Port'), para('End.')]);
    const doc = suggest(base, [{ type: 'movePhoto', from: [2], to: [1, 1] }, { type: 'setPhotoText', at: [1, 1], field: 'caption', value: 'The port' }], editor, testClock());
    const moved = (doc.body[1] as Turn).children[1] as Photo;
    expect(moved).toMatchObject({ type: 'photo', ins: expect.any(String) });
    expect(doc.body[2]).toMatchObject({ type: 'photo', del: moved.ins });
    expect(kindsOf(doc, inRange(doc, caret([1, 1, 0], 0)))).toEqual(['movePhoto', 'setPhotoText']);
    expect(kindsOf(doc, inRange(doc, caret([2, 0], 0)))).toEqual(['movePhoto', 'setPhotoText']);
    expect(inRange(doc, caret([1, 0, 0], 7))).toEqual([]);
    expect(inRange(doc, caret([3, 0], 0))).toEqual([]);
    // A selection that runs over the photo takes it.
    expect(kindsOf(doc, inRange(doc, range({ path: [1, 0, 0], offset: 3 }, { path: [3, 0], offset: 1 })))).toEqual(['movePhoto', 'setPhotoText']);
  });

  it('a new turn is taken across its start, never at a caret in it: accepting it would take what others put in it too', () => {
    const base = interviewWithThree([turn('p1', 'Q?'), turn('p3', 'A.')]);
    const withTurn = suggest(base, [{ type: 'insertTurn', at: 2, speakerId: 'p1', text: 'Thank you.' }], editor, testClock());
    const doc = suggest(withTurn, [{ type: 'insertText', at: { path: [2, 0], offset: 6 }, text: 'very much ' }], reporter, testClock());
    const leaves = ((doc.body[2] as Turn).children[0] as Paragraph).children;
    expect(leaves.map((l) => l.text)).toEqual(['Thank ', 'very much ', 'you.']);
    expect(inRange(doc, caret([2, 0, 0], 2))).toEqual([]);
    expect(kindsOf(doc, inRange(doc, caret([2, 0, 1], 3)))).toEqual(['insertText']);
    // From its first letter over the typed words: the insertion only; from the answer before: the turn too.
    expect(kindsOf(doc, inRange(doc, range({ path: [2, 0, 0], offset: 0 }, { path: [2, 0, 1], offset: 4 })))).toEqual(['insertText']);
    expect(kindsOf(doc, inRange(doc, range({ path: [1, 0, 0], offset: 1 }, { path: [2, 0, 1], offset: 4 })))).toEqual(['insertTurn', 'insertText']);
  });

  it('a removed turn likewise', () => {
    const doc = suggest(interviewWithThree([turn('p1', 'Q?'), turn('p3', 'A.'), turn('p1', 'Bye.')]), [{ type: 'removeTurn', at: 2 }], editor, testClock());
    expect(doc.body[2]).toMatchObject({ del: expect.any(String) });
    expect(inRange(doc, caret([2, 0, 0], 1))).toEqual([]);
    expect(inRange(doc, range({ path: [2, 0, 0], offset: 0 }, { path: [2, 0, 0], offset: 4 }))).toEqual([]);
    expect(kindsOf(doc, inRange(doc, range({ path: [1, 0, 0], offset: 2 }, { path: [2, 0, 0], offset: 4 })))).toEqual(['removeTurn']);
  });

  it('metadata changes are never in a body selection', () => {
    const doc = suggest(interviewWithThree([turn('p1', 'Q?')]), [{ type: 'setMeta', field: 'headline', value: 'New' }], editor, testClock());
    expect(inRange(doc, range({ path: [0, 0, 0], offset: 0 }, { path: [0, 0, 0], offset: 2 }))).toEqual([]);
  });
});

/** A review with suggestions by two authors, the second made on the first's accepted text. */
const reviewed = fc.record({ doc: interview, seeds: fc.array(editSeed, { minLength: 1, maxLength: 6 }), other: fc.array(editSeed, { maxLength: 4 }) }).map(({ doc, seeds, other }) => {
  const clock = testClock();
  const once = suggest(doc, editsFrom(doc, seeds), editor, clock);
  return other.length > 0 ? suggest(once, editsFrom(acceptAll(once), other), reporter, clock) : once;
});

interface Place {
  /** A leaf's path, or a photo's void child. */
  path: number[];
  length: number;
}

/** Every place a caret can stand in the body: each leaf of each paragraph, and each photo. */
function places(doc: Interview): Place[] {
  const out: Place[] = [];
  const visit = (block: Block, path: number[]) => {
    if (block.type === 'photo') out.push({ path: [...path, 0], length: 0 });
    else if (block.type === 'paragraph') block.children.forEach((l, k) => out.push({ path: [...path, k], length: l.text.length }));
    else block.children.forEach((c, j) => visit(c, [...path, j]));
  };
  doc.body.forEach((b, i) => visit(b, [i]));
  return out;
}

const blockAt = (doc: Interview, path: readonly number[]): Block | undefined =>
  path.length === 1 ? doc.body[path[0]!] : (doc.body[path[0]!] as Turn | undefined)?.children[path[1]!];

/** The suggestion ids on each character (UTF-16 unit, as Slate counts) of a paragraph: its leaf's `ins` and `del`. */
function charIds(p: Paragraph): string[][] {
  return p.children.flatMap((l) => Array.from({ length: l.text.length }, () => [l.ins, l.del].filter((x): x is string => x !== undefined)));
}

/** A caret's offset in its paragraph's text. */
const paragraphOffset = (p: Paragraph, point: BodyPoint) => p.children.slice(0, point.path[point.path.length - 1]).reduce((n, l) => n + l.text.length, 0) + point.offset;

/**
 * What a caret takes, read character by character: the suggestions of the characters on either
 * side of it, or on a photo, the photo's own.
 */
function expectedAtCaret(doc: Interview, point: BodyPoint): Set<string> {
  const holderPath = point.path.slice(0, -1);
  const holder = blockAt(doc, holderPath)!;
  const ids = new Set<string>();
  if (holder.type === 'paragraph') {
    const chars = charIds(holder);
    const at = paragraphOffset(holder, point);
    for (const id of [...(chars[at - 1] ?? []), ...(chars[at] ?? [])]) ids.add(id);
  } else if (holder.type === 'photo') {
    for (const id of [holder.ins, holder.del, ...(holder.changes ?? []).map((c) => c.id)]) if (id !== undefined) ids.add(id);
  }
  return ids;
}

/** Whether a usage's marker holds a caret: it stands in (or at an edge of) its text, or on its photo. */
function markerHolds(doc: Interview, u: Usage, point: BodyPoint): boolean {
  const holderPath = point.path.slice(0, -1);
  switch (u.use) {
    case 'textIns':
    case 'textDel': {
      if (u.path.slice(0, -1).join() !== holderPath.join()) return false;
      const p = blockAt(doc, holderPath) as Paragraph;
      const from = paragraphOffset(p, { path: u.path, offset: 0 });
      const at = paragraphOffset(p, point);
      return from <= at && at <= from + u.leaf.text.length;
    }
    case 'photoIns':
    case 'photoDel':
    case 'photoText':
      return u.path.join() === holderPath.join();
    default:
      // a speaker change, a new or removed turn, a split or a join: nothing a caret can stand on
      return false;
  }
}

const usagesById = (doc: Interview) => {
  const map = new Map<string, Usage[]>();
  forEachUsage(doc, (id, u) => map.set(id, [...(map.get(id) ?? []), u]));
  return map;
};

const pendingSummary = (doc: Interview) => listPending(doc).map(({ id, kind, authorId, createdAt }) => ({ id, kind, authorId, createdAt }));

describe('properties over random reviews', () => {
  const withCaret = reviewed.chain((doc) => {
    const all = places(doc);
    return fc.record({ doc: fc.constant(doc), place: fc.constantFrom(...all), offset: fc.nat(40) });
  });

  it('a caret takes exactly the suggestions whose marker holds it: never a speaker change, turn, split or join', () => {
    fc.assert(
      fc.property(withCaret, ({ doc, place, offset }) => {
        const point = { path: place.path, offset: offset % (place.length + 1) };
        const ids = inRange(doc, { anchor: point, focus: point });
        const usages = usagesById(doc);
        for (const id of ids) {
          expect(usages.get(id)?.some((u) => markerHolds(doc, u, point)), `${id} at ${JSON.stringify(point)}`).toBe(true);
        }
        expect(new Set(ids)).toEqual(expectedAtCaret(doc, point));
        expect(new Set(ids).size).toBe(ids.length);
      }),
      runs(400),
    );
  }, TIME);

  it('accepting at a caret leaves every other pending suggestion as it was', () => {
    fc.assert(
      fc.property(withCaret, ({ doc, place, offset }) => {
        const point = { path: place.path, offset: offset % (place.length + 1) };
        const ids = inRange(doc, { anchor: point, focus: point });
        const after = accept(doc, ids);
        expectValid(after);
        expect(pendingSummary(after)).toEqual(pendingSummary(doc).filter((p) => !ids.includes(p.id)));
      }),
      runs(300),
    );
  }, TIME);

  it('a selection inside one paragraph takes the suggestions of the characters it covers, never a break or a later label', () => {
    const withSelection = reviewed.chain((doc) => {
      const paragraphs: { path: number[]; p: Paragraph }[] = [];
      doc.body.forEach((b, i) => {
        if (b.type === 'paragraph') paragraphs.push({ path: [i], p: b });
        if (b.type === 'turn') b.children.forEach((c, j) => c.type === 'paragraph' && paragraphs.push({ path: [i, j], p: c }));
      });
      return fc.record({ doc: fc.constant(doc), at: fc.constantFrom(...paragraphs), a: fc.nat(60), b: fc.nat(60) });
    });
    fc.assert(
      fc.property(withSelection, ({ doc, at, a, b }) => {
        // Leaf points for two paragraph offsets, each spelled at the end of the leaf before when it can be.
        const length = at.p.children.reduce((n, l) => n + l.text.length, 0);
        const toPoint = (offset: number): BodyPoint => {
          let rest = offset;
          for (let k = 0; k < at.p.children.length; k++) {
            const n = at.p.children[k]!.text.length;
            if (rest <= n) return { path: [...at.path, k], offset: rest };
            rest -= n;
          }
          throw new Error('offset out of range');
        };
        const [from, to] = [a % (length + 1), b % (length + 1)].sort((x, y) => x - y) as [number, number];
        fc.pre(from < to);
        const ids = inRange(doc, range(toPoint(to), toPoint(from)));
        const chars = charIds(at.p).slice(from, to);
        const expected = new Set(chars.flat());
        const top = doc.body[at.path[0]!]!;
        // From the very start of the body, the first turn's label is covered too.
        if (top.type === 'turn' && at.path[0] === 0 && at.path[1] === 0 && from === 0) {
          for (const id of [top.ins, top.del, ...(top.changes ?? []).map((c) => c.id)]) if (id !== undefined) expected.add(id);
        }
        expect(new Set(ids)).toEqual(expected);
      }),
      runs(300),
    );
  }, TIME);
});

/**
 * Whose suggestion is whose: an author's own pending insertion is theirs to extend or take back
 * without a trace, and accepting or rejecting by author leaves the other authors' suggestions alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interview } from '../../../../shared/model/schema';
import { edit } from '../../../../shared/review/edit';
import type { Edit, TextPoint } from '../../../../shared/review/edits';
import { byAuthor, listPending } from '../../../../shared/review/pending';
import { accept, acceptAll, reject } from '../../../../shared/review/resolve';
import { suggest } from '../../../../shared/review/suggest';
import { editSeed, editor, editsFrom, interview, reporter, testClock, vnText } from './arbitraries';
import { canon } from '../../../helpers/review-canon';

const SEED = 20261127;

/** A document with a paragraph point to type at, drawn from it. */
const docAndPoint = interview.chain((doc) => {
  const paragraphs: { path: [number] | [number, number]; length: number }[] = [];
  doc.body.forEach((b, i) => {
    if (b.type === 'paragraph') paragraphs.push({ path: [i], length: b.children.map((l) => l.text).join('').length });
    if (b.type === 'turn') b.children.forEach((c, j) => c.type === 'paragraph' && paragraphs.push({ path: [i, j], length: c.children.map((l) => l.text).join('').length }));
  });
  return fc.constantFrom(...paragraphs).chain((p) => fc.record({ doc: fc.constant(doc), at: fc.nat(p.length).map((offset): TextPoint => ({ path: p.path, offset })) }));
});

const typed = fc.array(fc.constantFrom('Đ', 'ả', 'n', 'g', ' ', 'ư', 'ơ', 'o', 'a'), { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));

describe("the author's own pending insertion", () => {
  it('grows when they type inside it or at either end: still one suggestion', () => {
    fc.assert(
      fc.property(docAndPoint, typed, typed, fc.nat(), ({ doc, at }, first, more, where) => {
        const clock = testClock();
        const once = suggest(doc, [{ type: 'insertText', at, text: first }], editor, clock);
        const inside: TextPoint = { path: at.path, offset: at.offset + (where % (first.length + 1)) };
        const twice = suggest(once, [{ type: 'insertText', at: inside, text: more }], editor, clock);
        const pending = listPending(twice);
        expect(pending).toHaveLength(1);
        expect(pending[0]).toMatchObject({ kind: 'insertText', authorId: editor.id, added: first.slice(0, inside.offset - at.offset) + more + first.slice(inside.offset - at.offset) });
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("is a separate suggestion when someone else types inside it", () => {
    fc.assert(
      fc.property(docAndPoint, fc.constant('Đảng viên'), typed, ({ doc, at }, first, more) => {
        const clock = testClock();
        const once = suggest(doc, [{ type: 'insertText', at, text: first }], editor, clock);
        const twice = suggest(once, [{ type: 'insertText', at: { path: at.path, offset: at.offset + 2 }, text: more }], reporter, clock);
        expect(listPending(twice).map((p) => p.authorId)).toEqual([editor.id, reporter.id]);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('leaves no trace when they delete it: the document is as it was', () => {
    fc.assert(
      fc.property(docAndPoint, vnText(3).filter((t) => t !== ''), ({ doc, at }, text) => {
        const clock = testClock();
        const typedIn = suggest(doc, [{ type: 'insertText', at, text }], editor, clock);
        const gone = suggest(typedIn, [{ type: 'deleteText', at, length: text.length }], editor, clock);
        expect(gone.review).toBeUndefined();
        expect(canon(gone)).toEqual(canon(doc));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('leaves no trace when they undo their own split, speaker change, caption or headline edit', () => {
    fc.assert(
      fc.property(docAndPoint, ({ doc, at }) => {
        const turnAt = doc.body.findIndex((b) => b.type === 'turn');
        const edits: Edit[] = [
          { type: 'splitParagraph', at },
          { type: 'mergeParagraphs', at: at.path },
          { type: 'setMeta', field: 'headline', value: `${doc.meta.headline} mới` },
          { type: 'setMeta', field: 'headline', value: doc.meta.headline },
        ];
        if (turnAt >= 0) {
          const speaker = (doc.body[turnAt] as { speakerId: string }).speakerId;
          edits.push({ type: 'setSpeaker', at: turnAt, speakerId: speaker === 'p3' ? 'p1' : 'p3' }, { type: 'setSpeaker', at: turnAt, speakerId: speaker });
        }
        const out = suggest(doc, edits, editor, testClock());
        expect(out.review).toBeUndefined();
        expect(canon(out)).toEqual(canon(doc));
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('Backspace, one character at a time, is one deletion, and so is typing a caption letter by letter', () => {
    fc.assert(
      fc.property(docAndPoint, fc.integer({ min: 1, max: 6 }), ({ doc, at }, presses) => {
        fc.pre(at.offset >= presses);
        const backspaces: Edit[] = Array.from({ length: presses }, (_, i) => ({ type: 'deleteText', at: { path: at.path, offset: at.offset - 1 - i }, length: 1 }));
        const out = suggest(doc, backspaces, editor, testClock());
        expect(listPending(out)).toHaveLength(1);
        expect(canon(acceptAll(out))).toEqual(canon(edit(doc, backspaces)));
      }),
      { seed: SEED, numRuns: 100 },
    );
    const [doc] = fc.sample(interview, { seed: SEED, numRuns: 1 }) as [Interview];
    doc.body = [...doc.body, { type: 'photo', assetId: null, caption: '', credit: '', alt: '', children: [{ text: '' }] }];
    const last = doc.body.length - 1;
    const letters = [...'Ảnh: Thanh Hải'].map((_, i, all): Edit => ({ type: 'setPhotoText', at: [last], field: 'caption', value: all.slice(0, i + 1).join('') }));
    const typedCaption = suggest(doc, letters, editor, testClock());
    expect(listPending(typedCaption)).toMatchObject([{ kind: 'setPhotoText', removed: '', added: 'Ảnh: Thanh Hải' }]);
  });
});

describe('accepting or rejecting by author', () => {
  /** The reporter suggests first, then the editor on top of that. */
  const layered = fc.record({ doc: interview, mine: fc.array(editSeed, { minLength: 1, maxLength: 5 }), theirs: fc.array(editSeed, { minLength: 1, maxLength: 5 }) }).map(({ doc, mine, theirs }) => {
    const clock = testClock();
    const first = editsFrom(doc, mine);
    const afterReporter = suggest(doc, first, reporter, clock);
    const second = editsFrom(edit(doc, first), theirs);
    return { doc, first, afterReporter, both: suggest(afterReporter, second, editor, clock) };
  });

  it("rejecting all of the later author's suggestions gives back the document before them", () => {
    fc.assert(
      fc.property(layered, ({ doc, first, afterReporter, both }) => {
        const peeled = reject(both, byAuthor(both, editor.id));
        expect(canon(peeled)).toEqual(canon(afterReporter));
        expect(canon(acceptAll(peeled))).toEqual(canon(edit(doc, first)));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("accepting all of the earlier author's suggestions leaves the later author's pending, as they were", () => {
    fc.assert(
      fc.property(layered, ({ both }) => {
        const theirs = (d: Interview) => listPending(d).filter((p) => p.authorId === editor.id);
        const after = accept(both, byAuthor(both, reporter.id));
        expect(byAuthor(after, reporter.id)).toEqual([]);
        const summary = (d: Interview) => theirs(d).map(({ id, kind, createdAt }) => ({ id, kind, createdAt })).sort((a, b) => a.id.localeCompare(b.id));
        expect(summary(after)).toEqual(summary(both));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

/**
 * The import preview's corrections (shared/import/preview-edits.ts) and what accepting them makes
 * (accept-import.ts): merging never loses a turn or its words, every turn names an existing
 * speaker, choosing a speaker changes that turn alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptImport } from '../../../../shared/import/accept-import';
import { importAgencyText, type ImportResult } from '../../../../shared/import/agency-text';
import { applyPreviewEdit, draftIsComplete, initialDraft, turnCounts, type ImportDraft, type PreviewEdit } from '../../../../shared/import/preview-edits';
import { newInterview } from '../../../../shared/model/factory';
import type { Block, Participant, Turn } from '../../../../shared/model/schema';
import { fixtureInterviewText } from '../../../helpers/material';

const text = (b: Block): string => (b.type === 'turn' ? b.children.map(text).join('\n') : b.type === 'paragraph' ? b.children.map((l) => l.text).join('') : `[${b.caption}]`);
const turnsOf = (body: readonly Block[]) => body.filter((b): b is Turn => b.type === 'turn');

/** An import as the importer returns it, made up: speakers p1…pn, an intro paragraph, turns. */
const arbitraryImport = fc
  .record({
    labels: fc.array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 }),
    turns: fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 20 })), { maxLength: 30 }),
  })
  .map(({ labels, turns }): ImportResult => {
    const participants: Participant[] = labels.map((label, i) => ({ id: `p${i + 1}`, label, fullName: '', title: '', role: i === 0 ? 'interviewer' : 'interviewee' }));
    const body: Block[] = [
      { type: 'paragraph', children: [{ text: 'TTXVN - Mở đầu.' }] },
      ...turns.map(([who, words]): Turn => ({ type: 'turn', speakerId: `p${(who % labels.length) + 1}`, children: [{ type: 'paragraph', children: [{ text: words }] }] })),
    ];
    const doc = { ...newInterview('imported', 'vi'), participants, body };
    return { doc, meta: {}, report: { speakers: [], turns: [], photos: 0, unplaced: [], webChromeFromLine: null, omittedFromLine: null, findings: [], language: 'vi' } };
  });

/** Edits naming known speakers mostly, and sometimes one that does not exist or a turn out of range. */
const arbitraryEdit: fc.Arbitrary<PreviewEdit> = (() => {
  const id = fc.oneof(fc.integer({ min: 1, max: 5 }).map((n) => `p${n}`), fc.constant('p99'));
  return fc.oneof(
    fc.record({ type: fc.constant('label' as const), speakerId: id, label: fc.string({ maxLength: 6 }) }),
    fc.record({ type: fc.constant('role' as const), speakerId: id, role: fc.constantFrom('interviewer' as const, 'interviewee' as const) }),
    fc.record({ type: fc.constant('turnSpeaker' as const), turn: fc.integer({ min: -1, max: 31 }), speakerId: id }),
    fc.record({ type: fc.constant('merge' as const), from: id, into: id }),
  );
})();

const run = (draft: ImportDraft, edits: readonly PreviewEdit[]) => edits.reduce(applyPreviewEdit, draft);

describe('preview edits, as properties', () => {
  it('every turn keeps a speaker of the draft, and no turn is added or lost', () => {
    fc.assert(
      fc.property(arbitraryImport, fc.array(arbitraryEdit, { maxLength: 12 }), (result, edits) => {
        const start = initialDraft(result);
        const draft = run(start, edits);
        const ids = new Set(draft.participants.map((p) => p.id));
        expect(draft.turnSpeakers).toHaveLength(start.turnSpeakers.length);
        expect(draft.turnSpeakers.every((s) => ids.has(s))).toBe(true);
        expect(new Set(draft.participants.map((p) => p.id)).size).toBe(draft.participants.length);
      }),
    );
  });

  it('merging never loses a turn or its words: the accepted body is the imported one, speakers aside', () => {
    fc.assert(
      fc.property(arbitraryImport, fc.array(arbitraryEdit, { maxLength: 12 }), (result, edits) => {
        const draft = run(initialDraft(result), edits);
        const accepted = acceptImport(result, draft);
        expect(accepted.body.map(text)).toEqual(result.doc.body.map(text));
        const ids = new Set(accepted.participants.map((p) => p.id));
        expect(turnsOf(accepted.body).every((t) => ids.has(t.speakerId))).toBe(true);
        // Each turn is spoken by the speaker the draft gave it (by label: ids are the document's).
        const label = (ps: readonly Participant[], id: string) => ps.find((p) => p.id === id)!.label.normalize('NFC').trim().toLocaleLowerCase();
        expect(turnsOf(accepted.body).map((t) => label(accepted.participants, t.speakerId))).toEqual(draft.turnSpeakers.map((s) => label(draft.participants, s)));
      }),
    );
  });

  it('choosing a speaker changes that turn only', () => {
    fc.assert(
      fc.property(arbitraryImport, fc.nat(), fc.nat(), (result, k, who) => {
        const draft = initialDraft(result);
        fc.pre(draft.turnSpeakers.length > 0);
        const turn = k % draft.turnSpeakers.length;
        const speakerId = draft.participants[who % draft.participants.length]!.id;
        const next = applyPreviewEdit(draft, { type: 'turnSpeaker', turn, speakerId });
        expect(next.turnSpeakers[turn]).toBe(speakerId);
        expect(next.turnSpeakers.filter((_, i) => i !== turn)).toEqual(draft.turnSpeakers.filter((_, i) => i !== turn));
        expect(next.participants).toEqual(draft.participants);
      }),
    );
  });

  it('merging gives all of one speaker’s turns to the other and removes the merged speaker', () => {
    fc.assert(
      fc.property(arbitraryImport, fc.nat(), fc.nat(), (result, a, b) => {
        const draft = initialDraft(result);
        const from = draft.participants[a % draft.participants.length]!.id;
        const into = draft.participants[b % draft.participants.length]!.id;
        fc.pre(from !== into);
        const next = applyPreviewEdit(draft, { type: 'merge', from, into });
        expect(next.participants.map((p) => p.id)).toEqual(draft.participants.map((p) => p.id).filter((id) => id !== from));
        expect(next.turnSpeakers).toEqual(draft.turnSpeakers.map((s) => (s === from ? into : s)));
        expect(turnCounts(next).get(into)).toBe((turnCounts(draft).get(into) ?? 0) + (turnCounts(draft).get(from) ?? 0));
      }),
    );
  });
});

describe('preview edits on an agency article', () => {
  const result = importAgencyText(fixtureInterviewText());

  it('starts as the importer read it', () => {
    const draft = initialDraft(result);
    expect(draft.participants.map((p) => p.label)).toEqual(['Phóng viên', 'Ông Phạm Văn Thành']);
    expect(draft.turnSpeakers).toEqual(['p1', 'p2', 'p1', 'p2', 'p1', 'p2', 'p1', 'p2', 'p1']);
  });

  it('a turn given to another speaker, then the two speakers merged, then relabelled', () => {
    let draft = applyPreviewEdit(initialDraft(result), { type: 'turnSpeaker', turn: 2, speakerId: 'p2' });
    expect(draft.turnSpeakers).toEqual(['p1', 'p2', 'p2', 'p2', 'p1', 'p2', 'p1', 'p2', 'p1']);
    draft = applyPreviewEdit(draft, { type: 'merge', from: 'p1', into: 'p2' });
    expect(draft.participants.map((p) => p.id)).toEqual(['p2']);
    expect(draft.turnSpeakers).toEqual(Array(9).fill('p2'));
    draft = applyPreviewEdit(draft, { type: 'label', speakerId: 'p2', label: '  Ông Thành ' });
    const accepted = acceptImport(result, draft);
    // One speaker left, renumbered from the start; the label stored without its spaces.
    expect(accepted.participants).toEqual([{ id: 'p1', label: 'Ông Thành', fullName: 'Phạm Văn Thành', title: '', role: 'interviewee' }]);
    expect(turnsOf(accepted.body).map((t) => t.speakerId)).toEqual(Array(9).fill('p1'));
  });

  it('an edit naming no speaker of the draft, or no turn, changes nothing', () => {
    const draft = initialDraft(result);
    expect(applyPreviewEdit(draft, { type: 'turnSpeaker', turn: 9, speakerId: 'p1' })).toBe(draft);
    expect(applyPreviewEdit(draft, { type: 'turnSpeaker', turn: 0, speakerId: 'p7' })).toBe(draft);
    expect(applyPreviewEdit(draft, { type: 'merge', from: 'p1', into: 'p1' })).toBe(draft);
    expect(applyPreviewEdit(draft, { type: 'merge', from: 'p7', into: 'p1' })).toBe(draft);
    expect(applyPreviewEdit(draft, { type: 'label', speakerId: 'p7', label: 'X' })).toBe(draft);
  });

  it('cannot be accepted while a speaker has no label', () => {
    const draft = applyPreviewEdit(initialDraft(result), { type: 'label', speakerId: 'p2', label: '  ' });
    expect(draftIsComplete(draft)).toBe(false);
    expect(draftIsComplete(applyPreviewEdit(draft, { type: 'label', speakerId: 'p2', label: 'Ông Thành' }))).toBe(true);
  });
});

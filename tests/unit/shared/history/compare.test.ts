import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVersions, diffWords, type BlockDiff, type Segment } from '../../../../shared/history/compare';
import { newInterview } from '../../../../shared/model/factory';
import type { Block, Interview } from '../../../../shared/model/schema';
import { acceptedView, suggest } from '../../../../shared/review';
import { editor, editSeed, editsFrom, interview, testClock, vnText } from '../review/arbitraries';

const runs = (numRuns: number) => ({ seed: 20261127, numRuns });

/** Turns alternate reporter (p1) and guest (p2) unless the text starts with `p1:` or `p2:`. */
function doc(answers: string[], headline = 'Long An'): Interview {
  const base = newInterview('d1', 'vi');
  return {
    ...base,
    meta: { ...base.meta, headline },
    body: answers.map((line, i) => {
      const m = /^(p[12]):(.*)$/.exec(line);
      const [speakerId, text] = m ? [m[1]!, m[2]!] : [i % 2 === 0 ? 'p1' : 'p2', line];
      return { type: 'turn' as const, speakerId, children: [{ type: 'paragraph' as const, children: [{ text }] }] };
    }),
  };
}

const join = (segments: readonly Segment[], op: 'added' | 'removed') => segments.filter((s) => s.op !== op).map((s) => s.text).join('');
const oldText = (segments: readonly Segment[]) => join(segments, 'added');
const newText = (segments: readonly Segment[]) => join(segments, 'removed');

/** A block's text as the compare view reads it (a turn's paragraphs on lines of their own). */
function textOf(block: Block): string {
  if (block.type === 'paragraph') return block.children.map((l) => l.text).join('');
  if (block.type === 'photo') return [block.caption, block.credit].filter((s) => s !== '').join(' — ');
  return block.children.map(textOf).join('\n');
}

/** The old and the new text of each block, in order, rebuilt from the diff alone. */
function rebuilt(blocks: readonly BlockDiff[]): { before: string[]; after: string[] } {
  return {
    before: blocks.filter((b) => b.op !== 'added').map((b) => oldText(b.segments)),
    after: blocks.filter((b) => b.op !== 'removed').map((b) => newText(b.segments)),
  };
}

describe('word diff', () => {
  it('marks removed and added words, and the segments give both texts back', () => {
    const from = 'Đảng bộ tỉnh có 19 đảng bộ trực thuộc.';
    const to = 'Đảng bộ tỉnh Long An có 20 đảng bộ trực thuộc.';
    const d = diffWords(from, to);
    expect(oldText(d)).toBe(from);
    expect(newText(d)).toBe(to);
    expect(d.filter((s) => s.op === 'removed').map((s) => s.text.trim())).toEqual(['19']);
    expect(d.filter((s) => s.op === 'added').map((s) => s.text.trim())).toEqual(['Long An', '20']);
  });

  it('shows a replaced word as one deletion and one insertion', () => {
    expect(diffWords('tăng 30% so với', 'tăng 25% so với')).toEqual([
      { op: 'same', text: 'tăng ' },
      { op: 'removed', text: '30%' },
      { op: 'added', text: '25%' },
      { op: 'same', text: ' so với' },
    ]);
  });

  it('shows a replaced phrase as one struck phrase and one new phrase', () => {
    expect(diffWords('rất chủ động xây dựng', 'rất tích cực xây dựng')).toEqual([
      { op: 'same', text: 'rất ' },
      { op: 'removed', text: 'chủ động' },
      { op: 'added', text: 'tích cực' },
      { op: 'same', text: ' xây dựng' },
    ]);
  });

  it('handles empty texts', () => {
    expect(diffWords('', 'mới')).toEqual([{ op: 'added', text: 'mới' }]);
    expect(diffWords('cũ', '')).toEqual([{ op: 'removed', text: 'cũ' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('property: same+removed is the old text, same+added the new one, and a text against itself is all same', () => {
    const text = fc.oneof(vnText(12), fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '30%', '25%', 'ư', '  ') }));
    fc.assert(
      fc.property(text, text, (from, to) => {
        const d = diffWords(from, to);
        expect(oldText(d)).toBe(from);
        expect(newText(d)).toBe(to);
        expect(d.every((s) => s.text !== '')).toBe(true);
        // Neighbours differ in kind: nothing is shown twice in a row.
        d.forEach((s, i) => i > 0 && expect(s.op).not.toBe(d[i - 1]!.op));
        expect(diffWords(from, from).every((s) => s.op === 'same')).toBe(true);
      }),
      runs(500),
    );
  });
});

describe('version compare', () => {
  it('reports metadata changes and changed, added and removed turns by speaker', () => {
    const a = doc(['Thưa ông?', 'Chúng tôi chủ động.', 'Còn gì nữa?', 'Hết.']);
    const b = doc(['Thưa ông?', 'Chúng tôi rất chủ động.', 'p2:Hết.', 'p1:Cảm ơn ông.'], 'Long An: mới');
    const d = compareVersions(a, b);
    expect(d.changed).toBe(true);
    expect(d.meta).toEqual([{ field: 'headline', from: 'Long An', to: 'Long An: mới' }]);
    expect(d.blocks.map((x) => [x.op, x.label])).toEqual([
      ['same', 'Phóng viên'],
      ['changed', 'Khách mời'],
      ['removed', 'Phóng viên'],
      ['same', 'Khách mời'],
      ['added', 'Phóng viên'],
    ]);
    expect(d.blocks[1]!.segments.find((s) => s.op === 'added')!.text.trim()).toBe('rất');
  });

  it('finds nothing between equal versions', () => {
    expect(compareVersions(doc(['a', 'b']), doc(['a', 'b']))).toMatchObject({ changed: false, meta: [], pending: [] });
  });

  it('shows a pending replacement (30% struck, 25% inserted) as one deletion and one insertion, and lists it as a suggestion by its author', () => {
    const sent = doc(['Tỉnh tăng bao nhiêu?', 'Năm nay tăng 30% so với năm trước.']);
    const offset = 'Năm nay tăng '.length;
    const returned = suggest(sent, [{ type: 'replaceText', at: { path: [1, 0], offset }, length: 3, text: '25%' }], editor, testClock());
    const d = compareVersions(sent, returned);
    const changed = d.blocks.filter((b) => b.op !== 'same');
    expect(changed).toEqual([
      {
        op: 'changed',
        kind: 'turn',
        label: 'Khách mời',
        segments: [
          { op: 'same', text: 'Năm nay tăng ' },
          { op: 'removed', text: '30%' },
          { op: 'added', text: '25%' },
          { op: 'same', text: ' so với năm trước.' },
        ],
      },
    ]);
    expect(d.pending).toEqual([expect.objectContaining({ status: 'new', author: editor.name, place: { kind: 'turn', label: 'Khách mời' }, removed: '30%', added: '25%' })]);

    // Once accepted, the text reads the same as the suggestion did: only the decision is listed.
    const accepted = acceptedView(returned);
    const decided = compareVersions(returned, accepted);
    expect(decided.blocks.every((b) => b.op === 'same')).toBe(true);
    expect(decided.pending).toEqual([expect.objectContaining({ status: 'decided', author: editor.name })]);
    expect(decided.changed).toBe(true);
    // Still pending in both: listed as open, and nothing changed.
    expect(compareVersions(returned, returned)).toMatchObject({ changed: false, pending: [expect.objectContaining({ status: 'open' })] });
  });

  it('reports participants one by one, and a renamed speaker does not make every turn changed', () => {
    const a = doc(['Thưa ông?', 'Vâng.']);
    const b: Interview = {
      ...a,
      participants: [
        { ...a.participants[0]!, label: 'PV' },
        a.participants[1]!,
        { id: 'p3', label: 'Bà Lan', fullName: 'Nguyễn Thị Lan', title: 'Giám đốc', role: 'interviewee' },
      ],
    };
    const d = compareVersions(a, b);
    expect(d.meta).toEqual([
      { field: 'participant', participant: 'PV', from: 'Phóng viên', to: 'PV' },
      { field: 'participant', participant: 'Bà Lan', from: '', to: 'Bà Lan (Nguyễn Thị Lan), Giám đốc' },
    ]);
    expect(d.blocks.every((x) => x.op === 'same')).toBe(true);
  });

  it('says when a photo’s image was replaced', () => {
    const photo = (assetId: string): Block => ({ type: 'photo', assetId, caption: 'Toàn cảnh', credit: 'TTXVN', alt: '', children: [{ text: '' }] });
    const a = { ...doc(['Thưa ông?']), body: [photo('a'.repeat(64)), ...doc(['Thưa ông?']).body] };
    const b = { ...a, body: [photo('b'.repeat(64)), ...a.body.slice(1)] };
    expect(compareVersions(a, b).blocks[0]).toMatchObject({ op: 'changed', kind: 'photo', imageChanged: true });
  });

  it('property: the diff rebuilds both versions’ texts block by block, and a version against itself shows no change', () => {
    fc.assert(
      fc.property(interview, interview, (a, b) => {
        const d = compareVersions(a, b);
        expect(rebuilt(d.blocks)).toEqual({ before: a.body.map(textOf), after: b.body.map(textOf) });
        const self = compareVersions(a, a);
        expect(self.changed).toBe(false);
        expect(self.meta).toEqual([]);
        expect(self.blocks.every((x) => x.op === 'same')).toBe(true);
      }),
      runs(200),
    );
  });

  it('property: with suggestions pending, the diff is between the texts as read (accepted), and every suggestion is listed once as new', () => {
    fc.assert(
      fc.property(interview, fc.array(editSeed, { minLength: 1, maxLength: 4 }), (a, seeds) => {
        const b = suggest(a, editsFrom(acceptedView(a), seeds), editor, testClock());
        const d = compareVersions(a, b);
        expect(rebuilt(d.blocks)).toEqual({ before: acceptedView(a).body.map(textOf), after: acceptedView(b).body.map(textOf) });
        const ids = d.pending.map((p) => p.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(d.pending.every((p) => p.status === 'new' && p.author === editor.name)).toBe(true);
        expect(compareVersions(b, b).changed).toBe(false);
      }),
      runs(150),
    );
  });
});

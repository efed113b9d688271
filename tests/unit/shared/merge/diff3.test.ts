/** diff3 regions over token keys: coverage, what counts as "the same words", and agreeing sides. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diff3Regions, type Region } from '../../../../shared/merge/diff3';

const words = (s: string) => s.match(/\S+\s*/g) ?? [];
const kinds = (rs: Region[]) => rs.map((r) => r.kind);

describe('diff3Regions', () => {
  it('covers the three sequences in order, each region’s sides equal where it says so', () => {
    const seq = fc.array(fc.constantFrom('a ', 'b ', 'c ', '¶'), { maxLength: 12 });
    fc.assert(
      fc.property(seq, seq, seq, (o, a, b) => {
        const rs = diff3Regions(o, a, b);
        let [oi, ai, bi] = [0, 0, 0];
        for (const r of rs) {
          expect([r.oStart, r.aStart, r.bStart]).toEqual([oi, ai, bi]);
          [oi, ai, bi] = [r.oEnd, r.aEnd, r.bEnd];
          const [O, A, B] = [o.slice(r.oStart, r.oEnd), a.slice(r.aStart, r.aEnd), b.slice(r.bStart, r.bEnd)];
          if (r.kind === 'same') expect([A, B]).toEqual([O, O]);
          if (r.kind === 'ours') expect(B).toEqual(O);
          if (r.kind === 'theirs') expect(A).toEqual(O);
        }
        expect([oi, ai, bi]).toEqual([o.length, a.length, b.length]);
      }),
      { seed: 20261128, numRuns: 500 },
    );
  });

  it('a word inserted right after a word the other side replaced is not the same words', () => {
    const rs = diff3Regions(words('Năm nay tỉnh'), words('Năm nay 2025 tỉnh'), words('Năm qua tỉnh'));
    expect(kinds(rs)).toEqual(['same', 'theirs', 'ours', 'same']);
  });

  it('the same word changed by both, or two insertions at one place, is one region', () => {
    expect(kinds(diff3Regions(words('Năm nay tỉnh'), words('Năm 2025 tỉnh'), words('Năm qua tỉnh')))).toEqual(['same', 'both', 'same']);
    expect(kinds(diff3Regions(words('a b'), words('a x b'), words('a y b')))).toEqual(['same', 'both', 'same']);
  });

  it('touching changes of structure stay together (only a kept token between regions keeps a document valid)', () => {
    expect(kinds(diff3Regions(['a ', '¶', 'b ', '¶'], ['a ', 'b ', '¶'], ['a ', '¶', 'c ', '¶']))).toEqual(['same', 'both', 'same']);
  });

  it('ours follows theirs where they agree: the same change made on both sides lines up', () => {
    // Ours has theirs' change (merged in before) plus one of its own far away.
    const o = ['Đảng ', 'Đảng', '¶'];
    const b = ['Đảng ', 'ĐảngĐảng ', 'Đảng', '¶'];
    const a = ['Đảng ', 'ĐảngĐảng ', 'Đảng', '¶', 'photo'];
    expect(diff3Regions(o, a, b).filter((r) => r.kind === 'both')).toEqual([{ kind: 'both', oStart: 1, oEnd: 1, aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 }]);
  });
});

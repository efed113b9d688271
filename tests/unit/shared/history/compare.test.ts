import { describe, expect, it } from 'vitest';
import { compareVersions, diffWords } from '../../../../shared/history/compare';
import { newInterview } from '../../../../shared/model/factory';
import type { Interview } from '../../../../shared/model/schema';

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

describe('word diff', () => {
  it('marks removed and added words, and the segments give both texts back', () => {
    const from = 'Đảng bộ tỉnh có 19 đảng bộ trực thuộc.';
    const to = 'Đảng bộ tỉnh Long An có 20 đảng bộ trực thuộc.';
    const d = diffWords(from, to);
    expect(d.filter((s) => s.op !== 'added').map((s) => s.text).join('')).toBe(from);
    expect(d.filter((s) => s.op !== 'removed').map((s) => s.text).join('')).toBe(to);
    expect(d.filter((s) => s.op === 'removed').map((s) => s.text.trim())).toEqual(['19']);
    expect(d.filter((s) => s.op === 'added').map((s) => s.text.trim())).toEqual(['Long An', '20']);
  });

  it('handles empty texts', () => {
    expect(diffWords('', 'mới')).toEqual([{ op: 'added', text: 'mới' }]);
    expect(diffWords('cũ', '')).toEqual([{ op: 'removed', text: 'cũ' }]);
    expect(diffWords('', '')).toEqual([]);
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
    expect(compareVersions(doc(['a', 'b']), doc(['a', 'b']))).toMatchObject({ changed: false, meta: [] });
  });
});

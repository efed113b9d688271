/** The text checks of the export preflight: warnings by kind and place, off unless asked for. */
import { describe, expect, it } from 'vitest';
import { preflight } from '../../../../shared/export/preflight';
import { newInterview } from '../../../../shared/model/factory';
import type { Interview } from '../../../../shared/model/schema';
import { vietnameseDictionary } from '../../../helpers/vietnamese-dictionaries';

function doc(): Interview {
  const d = newInterview('d1', 'vi');
  d.meta.headline = 'Hoà bình cho lãnh đaọ';
  d.participants[1]!.label = 'Bà Lê Thuỷ';
  d.body = [
    { type: 'paragraph', children: [{ text: 'TTXVN - Mở đầu về thuỷ sản.' }] },
    { type: 'turn', speakerId: 'p1', children: [{ type: 'paragraph', children: [{ text: 'Thưa bà Thuỷ, nghành này ra sao?' }] }] },
    {
      type: 'turn',
      speakerId: 'p2',
      children: [
        { type: 'paragraph', children: [{ text: 'Tập trung ' }, { text: 'lãnh đaọ', bold: true }, { text: ', hoà hợp.' }] },
        { type: 'photo', assetId: null, caption: 'Nuôi cá nứơc ngọt.', credit: 'Ảnh: TTXVN', alt: '', children: [{ text: '' }] },
      ],
    },
  ];
  return d;
}

describe('preflight text checks', () => {
  it('warns per kind and place: metadata field, body paragraph, photo caption', () => {
    const { warnings, errors } = preflight(doc(), { textChecks: { style: 'traditional', vietnamese: vietnameseDictionary('traditional') } });
    const text = warnings.filter((w) => w.code.startsWith('text.')).map((w) => [w.code, w.field ?? w.path, w.params.words, w.key]);
    expect(text).toEqual([
      ['text.misplaced-tone', 'headline', 'đaọ → đạo', 'text.misplaced-tone@headline'],
      ['text.house-style', 'headline', 'Hoà → Hòa', 'text.house-style@headline'],
      ['text.house-style', [0], 'thuỷ → thủy', 'text.house-style@0'],
      ['text.spelling', [1, 0], 'nghành', 'text.spelling@1.0'], // bà Thuỷ is a participant's name
      ['text.misplaced-tone', [2, 0], 'đaọ → đạo', 'text.misplaced-tone@2.0'], // across bold and plain leaves
      ['text.house-style', [2, 0], 'hoà → hòa', 'text.house-style@2.0'],
      ['text.misplaced-tone', [2, 1], 'nứơc → nước', 'text.misplaced-tone@2.1'],
    ]);
    expect(errors.map((e) => e.code)).toEqual(['photo.no-image']);
    expect(warnings.find((w) => w.code === 'text.house-style')!.message).toBe('Tone marks not in the traditional style: Hoà → Hòa.');
  });

  it('checks tone marks without a dictionary, and nothing without textChecks', () => {
    const codes = (w: { code: string }[]) => w.map((x) => x.code).filter((c) => c.startsWith('text.'));
    expect(codes(preflight(doc(), { textChecks: { style: 'modern' } }).warnings)).toEqual(['text.misplaced-tone', 'text.misplaced-tone', 'text.misplaced-tone']);
    expect(codes(preflight(doc()).warnings)).toEqual([]);
  });
});

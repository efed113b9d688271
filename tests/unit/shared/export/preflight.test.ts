import { describe, expect, it } from 'vitest';
import { HEADLINE_LIMIT, mayExport, preflight } from '../../../../shared/export/preflight';
import { runExport } from '../../../../shared/export/run-export';
import { ANSWER_PHOTO_1, LEAD_PHOTO, optionsFor, para, photo, seedLikeDocument, turn } from '../../../helpers/export-fixtures';

const codes = (findings: Array<{ code: string }>) => findings.map((f) => f.code);

describe('preflight', () => {
  it('finds nothing to say about the seed-like story', () => {
    const doc = seedLikeDocument();
    expect(preflight(doc, { availableAssets: new Set([LEAD_PHOTO, ANSWER_PHOTO_1, 'c'.repeat(64)]) })).toEqual({ errors: [], warnings: [] });
  });

  it('blocks a story with no headline (blank counts as none)', () => {
    const doc = seedLikeDocument();
    doc.meta.headline = ' \u0000 ';
    const { errors } = preflight(doc);
    expect(errors).toEqual([expect.objectContaining({ code: 'headline.missing', severity: 'error', field: 'headline', path: null, key: 'headline.missing@headline' })]);
    expect(errors[0]!.message).toBe('The story has no headline.');
  });

  it('blocks unresolved suggestions once review reports them', () => {
    const doc = seedLikeDocument();
    expect(codes(preflight(doc, { unresolvedSuggestions: 0 }).errors)).toEqual([]);
    const { errors } = preflight(doc, { unresolvedSuggestions: 3 });
    expect(errors).toEqual([expect.objectContaining({ code: 'review.unresolved-suggestions', params: { count: 3 } })]);
  });

  it('blocks a photo with no image, and one whose image is not in the library', () => {
    const doc = seedLikeDocument();
    doc.body = [photo(null, 'Chú thích', 'TTXVN'), turn('p2', para('Trả lời.'), photo('d'.repeat(64), 'Khác', 'TTXVN'))];
    const { errors } = preflight(doc, { availableAssets: new Set([LEAD_PHOTO]) });
    expect(errors.map((e) => [e.code, e.path, e.params])).toEqual([
      ['photo.no-image', [0], { photo: 1 }],
      ['photo.image-missing', [1, 1], { photo: 2 }],
    ]);
    // without a list of images only the missing attachment can be known
    expect(codes(preflight(doc).errors)).toEqual(['photo.no-image']);
  });

  it('warns about a photo without credit, an empty turn and the same speaker twice in a row', () => {
    const doc = seedLikeDocument();
    doc.body = [
      para('TTXVN - Mở đầu.'),
      turn('p1', para('Hỏi?')),
      turn('p2', para('')),
      turn('p2', para('Trả lời tiếp.'), photo(LEAD_PHOTO, 'Chú thích', ' ')),
    ];
    const { errors, warnings } = preflight(doc);
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.code, w.path, w.params])).toEqual([
      ['turn.empty', [2], { turn: 2, speaker: 'Ông Nguyễn Thanh Hải' }],
      ['photo.no-credit', [3, 1], { photo: 1 }],
      ['turn.same-speaker-twice', [3], { turn: 3, speaker: 'Ông Nguyễn Thanh Hải' }],
    ]);
    expect(warnings.every((w) => w.severity === 'warning' && w.message.length > 0)).toBe(true);
  });

  it('warns about a headline over the house limit, the same for every format (7901 keeps it on one line)', () => {
    const doc = seedLikeDocument();
    expect(doc.meta.headline.length).toBeLessThanOrEqual(HEADLINE_LIMIT);
    expect(codes(preflight(doc, { format: 'nitf' }).warnings)).toEqual([]);
    expect(codes(preflight(doc, { format: 'iptc7901' }).warnings)).toEqual([]);
    const long = { ...doc, meta: { ...doc.meta, headline: 'x'.repeat(101) } };
    const { warnings } = preflight(long, { format: 'iptc7901' });
    expect(warnings).toEqual([expect.objectContaining({ code: 'headline.too-long', params: { length: 101, limit: 100 } })]);
    expect(codes(preflight(doc, { maxHeadlineLength: 50 }).warnings)).toEqual(['headline.too-long']);
  });

  it('lets warnings be overridden, all at once or one by one, and errors never', () => {
    const doc = seedLikeDocument();
    doc.body.push(turn('p1', para('')));
    const result = preflight(doc);
    expect(codes(result.warnings)).toEqual(['turn.empty', 'turn.same-speaker-twice']);
    expect(mayExport(result, false)).toBe(false);
    expect(mayExport(result, true)).toBe(true);
    expect(mayExport(result, new Set([result.warnings[0]!.key]))).toBe(false);
    expect(mayExport(result, new Set(result.warnings.map((w) => w.key)))).toBe(true);
    doc.meta.headline = '';
    expect(mayExport(preflight(doc), true)).toBe(false);
  });
});

describe('runExport: preflight before every export', () => {
  it('refuses with the preflight result when something blocks', () => {
    const doc = seedLikeDocument();
    doc.meta.headline = '';
    const outcome = runExport(doc, { format: 'nitf', options: optionsFor(doc), acceptWarnings: true });
    expect(outcome.ok).toBe(false);
    expect(codes(outcome.preflight.errors)).toEqual(['headline.missing']);
  });

  it('treats a photo whose image is not among the delivered pictures as an error', () => {
    const doc = seedLikeDocument();
    const outcome = runExport(doc, { format: 'newsml-g2', options: optionsFor(doc, { pictures: {} }) });
    expect(codes(outcome.preflight.errors)).toEqual(['photo.image-missing', 'photo.image-missing', 'photo.image-missing']);
  });

  it('exports once warnings are accepted, and lists the picture files to deliver once each', () => {
    const doc = seedLikeDocument();
    doc.body.push(photo(LEAD_PHOTO, 'Lại ảnh đầu', ''));
    const request = { format: 'newsml-g2' as const, options: optionsFor(doc) };
    expect(runExport(doc, request).ok).toBe(false);
    const outcome = runExport(doc, { ...request, acceptWarnings: true });
    if (!outcome.ok) throw new Error('expected an export');
    expect(outcome.format.extension).toBe('xml');
    expect(typeof outcome.content).toBe('string');
    expect(outcome.pictures.map((p) => p.assetId)).toEqual([LEAD_PHOTO, ANSWER_PHOTO_1, 'c'.repeat(64)]);
  });

  it('gives IPTC 7901 as bytes, with no pictures to deliver', () => {
    const doc = seedLikeDocument();
    const outcome = runExport(doc, { format: 'iptc7901', options: optionsFor(doc), acceptWarnings: true });
    if (!outcome.ok) throw new Error('expected an export');
    expect(outcome.content).toBeInstanceOf(Uint8Array);
    expect(outcome.pictures).toEqual([]);
    expect(codes(outcome.preflight.warnings)).toEqual([]);
  });
});

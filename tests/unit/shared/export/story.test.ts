import { describe, expect, it } from 'vitest';
import { resolveOptions, utcSeconds } from '../../../../shared/export/options';
import { buildStory, countWords, type StoryParagraph } from '../../../../shared/export/story';
import { ANSWER_PHOTO_1, FIRST_ANSWER, FIRST_QUESTION, INTRO, LEAD_PHOTO, optionsFor, para, photo, seedLikeDocument, turn } from '../../../helpers/export-fixtures';

const paragraphs = (blocks: ReturnType<typeof buildStory>['blocks']) => blocks.filter((b): b is StoryParagraph => b.kind === 'paragraph');

describe('buildStory: the document flattened once for every format', () => {
  it('labels the first paragraph of each turn only, and keeps photos where they stand', () => {
    const doc = seedLikeDocument();
    const story = buildStory(doc, optionsFor(doc));
    const kinds = story.blocks.slice(0, 7).map((b) => (b.kind === 'photo' ? `photo ${b.assetId?.[0]}` : `${b.role} ${b.label ?? '-'}`));
    expect(kinds).toEqual([
      'photo a',
      'intro -',
      'question * Phóng viên:',
      'answer * Ông Nguyễn Thanh Hải:',
      'answer -',
      'photo b', // inside the answer, between its paragraphs
      'answer -',
    ]);
    const ps = paragraphs(story.blocks);
    expect(ps[0]).toMatchObject({ text: INTRO, lede: true });
    expect(ps[1]).toMatchObject({ text: FIRST_QUESTION, label: '* Phóng viên:' });
    expect(ps[2]!.text).toBe(FIRST_ANSWER);
    expect(ps.filter((p) => p.label !== null)).toHaveLength(9); // 9 turns
    expect(story.photos.map((p) => p.assetId)).toEqual([LEAD_PHOTO, ANSWER_PHOTO_1, 'c'.repeat(64)]);
  });

  it('prints a credit with the language prefix and joins caption and credit for one-line captions', () => {
    const doc = seedLikeDocument();
    const lead = buildStory(doc, optionsFor(doc)).photos[0]!;
    expect(lead.printedCredit).toBe('Ảnh: Thanh Hải/TTXVN');
    expect(lead.captionLine).toBe(`${lead.caption} Ảnh: Thanh Hải/TTXVN`);
  });

  it('keeps a turn with no text as its label alone, and drops empty paragraphs elsewhere', () => {
    const doc = seedLikeDocument();
    doc.body = [para(''), para('   '), turn('p1', para()), turn('p2', para(' Yes. '))];
    const ps = paragraphs(buildStory(doc, optionsFor(doc)).blocks);
    expect(ps.map((p) => [p.label, p.text])).toEqual([
      ['* Phóng viên:', ''],
      ['* Ông Nguyễn Thanh Hải:', 'Yes.'],
    ]);
  });

  it('gives a turn that opens with a photo its label on the first paragraph after the photo', () => {
    const doc = seedLikeDocument();
    doc.body = [turn('p2', photo(LEAD_PHOTO, 'c', 'x'), para('Answer.'))];
    const blocks = buildStory(doc, optionsFor(doc)).blocks;
    expect(blocks[0]!.kind).toBe('photo');
    expect(blocks[1]).toMatchObject({ label: '* Ông Nguyễn Thanh Hải:', text: 'Answer.' });
  });

  it('cleans text: forbidden characters removed, lone surrogates as U+FFFD, tabs as spaces, NFC', () => {
    const doc = seedLikeDocument();
    doc.meta.headline = 'a\u0000b\u0007c\uFFFEd \uD800 e\tf ' + 'Việt'.normalize('NFD');
    doc.body = [para('x\u001Fy', { text: '\uDC00', bold: true })];
    const story = buildStory(doc, optionsFor(doc));
    expect(story.meta.headline).toBe('abcd \uFFFD e f Việt');
    expect(paragraphs(story.blocks)[0]!.runs).toEqual([
      { text: 'xy', bold: false, italic: false },
      { text: '\uFFFD', bold: true, italic: false },
    ]);
  });

  it('merges neighbouring runs with the same marks', () => {
    const doc = seedLikeDocument();
    doc.body = [para('a', 'b', { text: 'c', bold: true }, { text: 'd', bold: true })];
    expect(paragraphs(buildStory(doc, optionsFor(doc)).blocks)[0]!.runs.map((r) => r.text)).toEqual(['ab', 'cd']);
  });

  it('names items with NewsML URNs that do not change from one version to the next', () => {
    const doc = seedLikeDocument();
    const v3 = buildStory(doc, optionsFor(doc));
    const v4 = buildStory(doc, optionsFor(doc, { version: 4, versionCreated: '2024-06-01T00:00:00Z' }));
    expect(v3.ids.text).toBe('urn:newsml:vnanet.vn:20240510:seed-like-000');
    expect(v3.ids.package).toBe('urn:newsml:vnanet.vn:20240510:seed-like-000.package');
    expect(v3.pictures[0]!.guid).toBe(`urn:newsml:vnanet.vn:20240510:seed-like-000.pic-${LEAD_PHOTO}`);
    expect(v4.ids).toEqual(v3.ids);
    expect(v4.pictures.map((p) => p.guid)).toEqual(v3.pictures.map((p) => p.guid));
  });

  it('gives the second use of one image its own name; a photo without a delivered image is no picture', () => {
    const doc = seedLikeDocument();
    doc.body = [photo(LEAD_PHOTO, 'one', ''), photo(LEAD_PHOTO, 'two', ''), photo(null, 'none', ''), photo('d'.repeat(64), 'unknown asset', '')];
    const story = buildStory(doc, optionsFor(doc, { pictures: { [LEAD_PHOTO]: optionsFor(doc).pictures![LEAD_PHOTO]! } }));
    expect(story.photos.map((p) => p.name)).toEqual([`pic-${LEAD_PHOTO}`, `pic-${LEAD_PHOTO}-2`, 'pic-3', 'pic-4']);
    expect(story.pictures.map((p) => p.caption)).toEqual(['one', 'two']);
  });

  it('counts words as the copy desk does, labels included', () => {
    expect(countWords('* Phóng viên: Trân trọng cảm ơn ông!')).toBe(7);
    expect(countWords(' – 2024 — ')).toBe(1);
  });
});

describe('export options', () => {
  it('brings times to UTC with whole seconds', () => {
    expect(utcSeconds('2024-05-10T09:00:00.789+07:00')).toBe('2024-05-10T02:00:00Z');
    expect(utcSeconds('2024-05-10T02:00Z')).toBe('2024-05-10T02:00:00Z');
  });

  it('refuses what would make an invalid or unsafe export', () => {
    const doc = seedLikeDocument();
    const bad = [
      { versionCreated: '2024-05-10 10:00' }, // no time zone: ambiguous
      { firstCreated: 'yesterday' },
      { version: 0 },
      { authority: 'not a domain' },
      { baseUri: 'media/export/' }, // relative
      { baseUri: 'https://example.com/a b/' }, // needs encoding
      { pictures: { [LEAD_PHOTO]: { fileName: '../../etc/passwd', mime: 'image/jpeg', width: 1, height: 1, byteLength: 1 } } },
    ];
    for (const override of bad) expect(() => resolveOptions(optionsFor(doc, override)), JSON.stringify(override)).toThrow(RangeError);
  });
});

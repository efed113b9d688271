/**
 * Documents for the export tests, built by hand (not through the importer):
 *
 * - seedLikeDocument(): the structure of an agency interview (tests/fixtures/agency-interview.txt) — section,
 *   headline, location, sapo, a lead photo, an intro starting `TTXVN - `, 9 turns (answers of up
 *   to 3 paragraphs, a photo inside two answers), a closing thank-you and the byline.
 * - hostileDocuments(): generated documents with the characters XML and JSON exporters trip on
 *   (&, <, ]]>, control characters, lone surrogates, emoji, right-to-left text), 100,000-character
 *   paragraphs, hundreds of photos and empty fields. Every one is schema-valid, as stored
 *   documents are: exporters must cope with what the model allows.
 */
import { newInterview } from '../../shared/model/factory';
import { LIMITS, type Block, type Interview, type Paragraph, type Photo, type TextLeaf } from '../../shared/model/schema';
import type { ExportOptions, PictureFile } from '../../shared/export/options';

export const para = (...leaves: Array<string | TextLeaf>): Paragraph => ({
  type: 'paragraph',
  children: leaves.length === 0 ? [{ text: '' }] : leaves.map((l) => (typeof l === 'string' ? { text: l } : l)),
});

export const photo = (assetId: string | null, caption: string, credit: string, alt = ''): Photo => ({
  type: 'photo',
  assetId,
  caption,
  credit,
  alt,
  children: [{ text: '' }],
});

export const turn = (speakerId: string, ...children: Array<Paragraph | Photo>): Block => ({ type: 'turn', speakerId, children });

/** A fake sha-256 made of one repeated hex digit. */
export const asset = (digit: string) => digit.repeat(64);

export const LEAD_PHOTO = asset('a');
export const ANSWER_PHOTO_1 = asset('b');
export const ANSWER_PHOTO_2 = asset('c');

export function pictureFile(assetId: string, width = 1600, height = 1067): PictureFile {
  return { fileName: `${assetId.slice(0, 12)}.jpg`, mime: 'image/jpeg', width, height, byteLength: 250_000 };
}

/** Options as the backend would fill them: times from the stored row, one file per asset. */
export function optionsFor(doc: Interview, overrides: Partial<ExportOptions> = {}): ExportOptions {
  const pictures: Record<string, PictureFile> = {};
  const visit = (blocks: readonly (Block | Photo | Paragraph)[]) => {
    for (const b of blocks) {
      if (b.type === 'photo' && b.assetId !== null) pictures[b.assetId] = pictureFile(b.assetId);
      if (b.type === 'turn') visit(b.children);
    }
  };
  visit(doc.body);
  return {
    firstCreated: '2024-05-10T09:00:00+07:00',
    versionCreated: '2024-05-10T10:15:30+07:00',
    version: 3,
    authority: 'vnanet.vn',
    baseUri: 'https://media.vnanet.vn/export/',
    pictures,
    ...overrides,
  };
}

export const HEADLINE = 'Long An: Kết nạp đảng viên vượt chỉ tiêu Nghị quyết Đại hội Đảng bộ tỉnh đề ra';
export const LEAD_CAPTION = 'Ông Nguyễn Thanh Hải - Phó Bí Thường trực Tỉnh ủy, Trưởng đoàn Đại biểu Quốc hội tỉnh Long An.';
export const INTRO = 'TTXVN - Thời gian qua, Tỉnh ủy Long An luôn quan tâm củng cố, xây dựng tổ chức cơ sở đảng, phát triển đội ngũ đảng viên.';
export const FIRST_QUESTION = 'Phát triển đảng viên là một trong những nhiệm vụ chính trị quan trọng trong công tác xây dựng Đảng. Thời gian qua, công tác này đã được tỉnh thực hiện ra sao, thưa ông?';
export const FIRST_ANSWER = 'Đảng bộ tỉnh Long An có 19 đảng bộ trực thuộc; 908 tổ chức cơ sở đảng, với 52.439 đảng viên.';
export const ANSWER_CONTINUED = 'Nhằm tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới, Ban Thường vụ Tỉnh ủy đã tập trung lãnh đaọ, thực hiện công tác phát triển đảng viên.';
export const AFTER_PHOTO = 'Theo chỉ tiêu Nghị quyết Đại hội lần thứ XI Đảng bộ tỉnh, nhiệm kỳ 2020 - 2025 kết nạp 6.300 đảng viên.';
export const CLOSING = 'Trân trọng cảm ơn ông!';

export function seedLikeDocument(): Interview {
  const doc = newInterview('seed-like-000', 'vi');
  doc.meta = {
    ...doc.meta,
    section: 'Xây dựng Đảng',
    headline: HEADLINE,
    location: 'Long An',
    sapo: 'Các cấp ủy tỉnh Long An đã chủ động xây dựng, triển khai hiệu quả kế hoạch tạo nguồn, giới thiệu quần chúng ưu tú để xem xét, kết nạp đảng.',
    byline: 'Thanh Bình',
    source: 'TTXVN',
    slug: 'LongAn-KetNapDangVien',
    keywords: ['đảng viên', 'Long An'],
  };
  doc.participants = [
    { id: 'p1', label: 'Phóng viên', fullName: '', title: '', role: 'interviewer' },
    { id: 'p2', label: 'Ông Nguyễn Thanh Hải', fullName: 'Nguyễn Thanh Hải', title: 'Phó Bí thư Thường trực Tỉnh ủy Long An', role: 'interviewee' },
  ];
  doc.body = [
    photo(LEAD_PHOTO, LEAD_CAPTION, 'Thanh Hải/TTXVN', 'Ông Nguyễn Thanh Hải ngồi tại bàn làm việc'),
    para(INTRO),
    turn('p1', para(FIRST_QUESTION)),
    turn(
      'p2',
      para(FIRST_ANSWER),
      para(ANSWER_CONTINUED),
      photo(ANSWER_PHOTO_1, 'Đảng viên Nguyễn Ngọc Hải (ngoài cùng bên phải), học sinh lớp 12 Trường THCS- THPT Long Cang.', 'TTXVN phát'),
      para(AFTER_PHOTO),
    ),
    turn('p1', para('Ông có đánh giá như thế nào về công tác tạo nguồn kết nạp đảng thời gian qua?')),
    turn('p2', para('Công tác tạo nguồn phát triển đảng viên từ cơ sở được quan tâm lãnh đạo, theo phương châm “ở đâu có quần chúng nhân dân thì ở đó có đảng viên”.'), para('Hiện nay, nguồn phát triển đảng trong các cơ quan hành chính còn ít.')),
    turn('p1', para('Xin ông cho biết việc phát triển, kết nạp đảng trong doanh nghiệp ngoài nhà nước như thế nào?')),
    turn(
      'p2',
      para('Hiện nay, công tác kết nạp đảng viên trong lực lượng học sinh ', { text: 'vẫn còn một số khó khăn', bold: true }, ' nhất định.'),
      photo(ANSWER_PHOTO_2, 'Giờ đọc sách tại trường THCS-THPT Long Cang (huyện Cần Đước).', 'TTXVN phát'),
      para('Trong đó, công tác vận động thành lập tổ chức đảng được tập trung lãnh đạo, ', { text: 'thực hiện nghiêm túc', italic: true }, '.'),
      para('Từ nay đến năm 2030, Ban Thường vụ Tỉnh ủy ban hành Đề án xây dựng, phát triển tổ chức đảng.'),
    ),
    turn('p1', para('Để công tác kết nạp đảng viên đạt về số lượng và chất lượng, tỉnh cần thực hiện những giải pháp như thế nào?')),
    turn('p2', para('Trước hết, tỉnh tiếp tục quán triệt, nâng cao trách nhiệm của các cấp ủy.'), para('Thường xuyên kiểm tra, giám sát, theo dõi, hướng dẫn các cấp ủy…'), para('Quan tâm củng cố, nâng cao chất lượng hoạt động của các tổ chức chính trị - xã hội.')),
    turn('p1', para(CLOSING)),
  ];
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Hostile documents

/** Strings every exporter must survive; the comments say what each one breaks. */
export const HOSTILE_STRINGS = [
  'Tom & Jerry <b>bold</b> "quoted" \'single\'', // markup characters
  'end ]]> of CDATA ]]]]><![CDATA[>', // CDATA terminator
  'nul\u0000 bell\u0007 vt\u000B ff\u000C esc\u001B del\u007F c1\u0085\u009F', // forbidden in XML 1.0 (removed)
  'bom\uFEFF nonchar\uFFFE\uFFFF', // not characters
  'lone high \uD800 lone low \uDFFF pair-reversed \uDC00\uD800', // lone surrogates (→ U+FFFD)
  'emoji 😀 family 👨‍👩‍👧 flag 🇻🇳 skin 👍🏽', // astral, ZWJ sequences
  'مرحبا بالعالم — שלום עולם \u202Eoverride\u202C', // right-to-left, bidi controls
  'tab\tinside and line\nbreak\r\nand\u2028separator', // white space that is not a space
  'NFD tiếng Việt'.normalize('NFD'), // decomposed Vietnamese
  'đảng viên Đảng bộ ủy ban', // đ/Đ
  '&amp; &lt; &#0; &#xD800; <![CDATA[x]]> <?pi?> <!-- c -->', // things that look like escapes
  '{"json": "\\u0000", "\\\\": [1, 2]}', // JSON-looking text
  '   leading and trailing spaces   ',
];

/** A small seeded PRNG (mulberry32), so generated documents are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exactly `length` UTF-16 units of hostile text, words separated by spaces now and then. */
export function longHostileText(length: number, withSpaces = true): string {
  const unit = withSpaces ? HOSTILE_STRINGS.join(' ') + ' ' : HOSTILE_STRINGS.join('').replace(/\s/g, '_');
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function fit(text: string, max: number): string {
  return text.slice(0, max);
}

/** One generated document; `seed` picks the mix. */
export function generatedHostileDocument(seed: number): Interview {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const hostile = () => pick(HOSTILE_STRINGS);
  const maybe = (s: string) => (rnd() < 0.3 ? '' : s);

  const doc = newInterview(`hostile-${seed}`, rnd() < 0.5 ? 'vi' : 'en');
  doc.meta = {
    ...doc.meta,
    section: maybe(hostile()),
    headline: maybe(hostile()),
    subheadline: maybe(hostile()),
    location: maybe(hostile()),
    sapo: maybe(hostile()),
    byline: maybe(hostile()),
    source: maybe(hostile()),
    slug: maybe(fit(hostile(), 200)),
    urgency: 1 + Math.floor(rnd() * 9),
    embargo: rnd() < 0.5 ? '2024-05-11T06:30:00+07:00' : null,
    editorialNote: maybe(`${hostile()}\n${hostile()}`),
    keywords: rnd() < 0.5 ? [fit(hostile(), 100), fit(hostile(), 100)] : [],
  };
  doc.participants = [
    { id: 'q', label: fit(hostile(), 200) || 'Q', fullName: '', title: '', role: 'interviewer' },
    { id: 'a', label: fit(hostile(), 200) || 'A', fullName: '', title: '', role: 'interviewee' },
  ];
  const assets = ['1', '2', '3', '4'].map(asset);
  const randomPhoto = () => photo(rnd() < 0.15 ? null : pick(assets), maybe(hostile()), maybe(hostile()), maybe(hostile()));
  const randomParagraph = () =>
    rnd() < 0.2 ? para() : para(hostile(), { text: hostile(), bold: true }, { text: maybe(hostile()), italic: true, ...(rnd() < 0.5 ? { bold: true } : {}) });

  const body: Block[] = [];
  for (let i = 0, n = 2 + Math.floor(rnd() * 12); i < n; i++) {
    const r = rnd();
    if (r < 0.15) body.push(randomPhoto());
    else if (r < 0.3) body.push(randomParagraph());
    else {
      const children: Array<Paragraph | Photo> = [];
      for (let j = 0, m = 1 + Math.floor(rnd() * 4); j < m; j++) children.push(rnd() < 0.25 ? randomPhoto() : randomParagraph());
      body.push(turn(rnd() < 0.5 ? 'q' : 'a', ...children));
    }
  }
  doc.body = body.length > 0 ? body : [para()];
  return doc;
}

/** Paragraphs at the model's size limit: 100,000 characters, with and without spaces. */
export function giantDocument(): Interview {
  const doc = newInterview('hostile-giant', 'vi');
  doc.meta.headline = fit(longHostileText(LIMITS.shortField), LIMITS.shortField);
  doc.meta.sapo = fit(longHostileText(LIMITS.longField), LIMITS.longField);
  doc.body = [
    para(longHostileText(LIMITS.paragraphText)),
    turn('p1', para(longHostileText(LIMITS.paragraphText, false))),
    turn('p2', para(longHostileText(LIMITS.paragraphText)), photo(asset('9'), longHostileText(LIMITS.longField), longHostileText(LIMITS.shortField), longHostileText(LIMITS.longField))),
  ];
  return doc;
}

/** Hundreds of photos: repeated images, photos without an image, photos without credit. */
export function manyPhotosDocument(count = 300): Interview {
  const doc = newInterview('hostile-photos', 'en');
  doc.meta.headline = 'Many photos';
  const photos = Array.from({ length: count }, (_, i) =>
    photo(i % 17 === 0 ? null : asset('0123456789abcdef'[i % 16]!), i % 5 === 0 ? '' : `Caption ${i} & <${i}>`, i % 3 === 0 ? '' : `Credit ${i}`, i % 2 === 0 ? `Alt ${i}` : ''),
  );
  doc.body = [photos[0]!, turn('p1', para('Question?')), turn('p2', para('Answer.'), ...photos.slice(1, count / 2)), ...photos.slice(count / 2), para('End.')];
  return doc;
}

/** A brand-new document: every field empty, one empty paragraph. */
export function emptyDocument(): Interview {
  return newInterview('hostile-empty', 'vi');
}

/** Everything: every hostile string in every field, plus the generated mixes. */
export function hostileDocuments(): Interview[] {
  const everywhere = newInterview('hostile-everywhere', 'vi');
  const all = HOSTILE_STRINGS.join(' | ');
  everywhere.meta = {
    ...everywhere.meta,
    section: all,
    headline: all,
    subheadline: all,
    location: all,
    sapo: all,
    byline: all,
    source: all,
    slug: fit(all, 200),
    editorialNote: HOSTILE_STRINGS.join('\n'),
    keywords: HOSTILE_STRINGS.map((s) => fit(s, 100)).filter((s) => s !== ''),
    embargo: '2024-05-11T06:30:00+07:00',
  };
  everywhere.participants = [
    { id: 'p1', label: fit(all, 200), fullName: all.slice(0, 200), title: '', role: 'interviewer' },
    { id: 'p2', label: HOSTILE_STRINGS[2]!, fullName: '', title: '', role: 'interviewee' },
  ];
  everywhere.body = [
    photo(asset('e'), all, all.slice(0, 500), all),
    ...HOSTILE_STRINGS.map((s) => para(s)),
    ...HOSTILE_STRINGS.map((s, i) => turn(i % 2 === 0 ? 'p1' : 'p2', para({ text: s, bold: true }, { text: s, italic: true }), photo(asset('e'), s, s, s), para(s))),
  ];
  return [everywhere, giantDocument(), manyPhotosDocument(), emptyDocument(), ...Array.from({ length: 20 }, (_, i) => generatedHostileDocument(i + 1))];
}

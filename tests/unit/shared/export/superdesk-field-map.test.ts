/**
 * Every field arrives: our exports for a Superdesk destination, read the way Superdesk's ingest
 * parsers read them (tests/helpers/superdesk-readers.ts, written from docs/superdesk-field-map.md),
 * field by field, on the Vietnamese agency fixture and the English one. The expected values are
 * written by hand from the fixtures' text; the word counts were counted on the fixtures' body
 * lines (intro and turns, labels included; not headline, sapo, captions, credits or byline).
 */
import { describe, expect, it } from 'vitest';
import { FORMATS, type FormatId } from '../../../../shared/export/formats';
import { NEW_PROFILE, profileChecks, profileOptions, type ExportProfile } from '../../../../shared/export/profile';
import { renderExport, runExport } from '../../../../shared/export/run-export';
import { importAgencyText } from '../../../../shared/import/agency-text';
import type { Interview } from '../../../../shared/model/schema';
import { asset, hostileDocuments, optionsFor } from '../../../helpers/export-fixtures';
import { fixtureInterviewText, REPO_ROOT } from '../../../helpers/material';
import { readIptc7901AsSuperdesk, readNewsmlG2AsSuperdesk, readNinjsAsSuperdesk, readNitfAsSuperdesk, type ReceivedStory } from '../../../helpers/superdesk-readers';
import { assertValidNewsmlG2, assertValidNitfNoNamespace, xpath } from '../../../helpers/xml-validators';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const PICTURE_BASE = 'https://media.vnanet.vn/pictures/';
const SUPERDESK: ExportProfile = { ...NEW_PROFILE, receiver: 'superdesk', pictureBaseUrl: PICTURE_BASE };

/** The fixture imported, an image attached to each photo (as the reporter would before sending). */
function imported(text: string): Interview {
  const { doc } = importAgencyText(text, { id: 'fixture' });
  let n = 0;
  const attach = (b: Interview['body'][number]) => {
    if (b.type === 'photo') b.assetId = asset('abc'[n++]!);
    if (b.type === 'turn') b.children.forEach((c) => c.type === 'photo' && (c.assetId = asset('abc'[n++]!)));
  };
  doc.body.forEach(attach);
  return doc;
}

function exported(doc: Interview, format: FormatId, profile: ExportProfile = SUPERDESK): string | Uint8Array {
  const base = optionsFor(doc);
  delete base.baseUri;
  const outcome = runExport(doc, {
    format,
    options: { ...base, ...profileOptions(profile, { format, section: doc.meta.section, folderUri: 'file:///srv/drop/' }) },
    acceptWarnings: true,
    destination: profileChecks(profile),
  });
  if (!outcome.ok) throw new Error(`${format}: ${JSON.stringify(outcome.preflight.errors)}`);
  return outcome.content;
}

const asText = (content: string | Uint8Array) => (typeof content === 'string' ? content : Buffer.from(content).toString('latin1'));

const READERS: Record<'nitf-no-namespace' | 'newsml-g2' | 'ninjs-superdesk' | 'iptc7901', (content: string | Uint8Array) => ReceivedStory> = {
  'nitf-no-namespace': (c) => readNitfAsSuperdesk(asText(c)),
  'newsml-g2': (c) => readNewsmlG2AsSuperdesk(asText(c)),
  'ninjs-superdesk': (c) => readNinjsAsSuperdesk(asText(c)),
  iptc7901: (c) => readIptc7901AsSuperdesk(c as Uint8Array),
};

interface Expected {
  headline: string;
  headlineAscii: string;
  slugline: string;
  subject: string;
  byline: string;
  location: string;
  locationAscii: string;
  sapoStart: string;
  sapoStartAscii: string;
  language: string;
  labels: string[];
  labelsAscii: [string, string];
  paragraphs: number;
  firstQuestion: string;
  photos: Array<{ caption: string; credit: string }>;
  creditWord: string;
  wordCount: number;
}

const FIXTURES: Array<[string, () => string, Expected]> = [
  [
    'the Vietnamese agency fixture',
    fixtureInterviewText,
    {
      headline: 'Quảng Ngãi: Đưa nước sạch về các xã vùng cao, vượt mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh đề ra',
      headlineAscii: 'Quang Ngai: Dua nuoc sach ve cac xa vung cao, vuot muc tieu Nghi quyet Dai hoi Dang bo tinh de ra',
      slugline: 'Quang-Ngai-Dua-nuoc-sach',
      subject: '04001000', // Nông nghiệp - Nông thôn
      byline: 'Minh Trang',
      location: 'Quảng Ngãi',
      locationAscii: 'Quang Ngai',
      sapoStart: 'Các cấp ủy, chính quyền tỉnh Quảng Ngãi đã tập trung nguồn lực',
      sapoStartAscii: 'Cac cap uy, chinh quyen tinh Quang Ngai da tap trung nguon luc',
      language: 'vi',
      labels: ['* Phóng viên:', '* Ông Phạm Văn Thành:', '* Phóng viên:', '* Ông Phạm Văn Thành:', '* Phóng viên:', '* Ông Phạm Văn Thành:', '* Phóng viên:', '* Ông Phạm Văn Thành:', '* Phóng viên:'],
      labelsAscii: ['* Phong vien:', '* Ong Pham Van Thanh:'],
      paragraphs: 15, // the intro and 14 paragraphs in 9 turns
      firstQuestion: 'Đưa nước sạch về vùng cao là một trong những chỉ tiêu được Đại hội Đảng bộ tỉnh nhiệm kỳ 2020-2025 xác định. Đến nay, tỉnh đã thực hiện chỉ tiêu này ra sao, thưa ông?',
      photos: [
        { caption: 'Ông Phạm Văn Thành - Phó Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi trao đổi với phóng viên.', credit: 'Văn Thành/TTXVN' },
        { caption: 'Người dân xã Sơn Bao (huyện Sơn Hà) lấy nước từ công trình cấp nước tập trung mới hoàn thành.', credit: 'TTXVN phát' },
        { caption: 'Hồ chứa nước Núi Ngang (huyện Ba Tơ) sau khi được sửa chữa, nâng cấp.', credit: 'TTXVN phát' },
      ],
      creditWord: 'Anh',
      wordCount: 616,
    },
  ],
  [
    'the English fixture',
    () => readFileSync(resolve(REPO_ROOT, 'tests/fixtures/english-interview.txt'), 'utf8'),
    {
      headline: 'Mekong Delta: farmers plant salt-tolerant rice as seawater reaches further inland every dry season',
      headlineAscii: 'Mekong Delta: farmers plant salt-tolerant rice as seawater reaches further inland every dry season',
      slugline: 'Mekong-Delta-farmers',
      subject: '06000000', // Environment
      byline: 'Hai Nguyen',
      location: 'Can Tho',
      locationAscii: 'Can Tho',
      sapoStart: 'Rice growers across the Mekong Delta are switching to new salt-tolerant varieties',
      sapoStartAscii: 'Rice growers across the Mekong Delta are switching to new salt-tolerant varieties',
      language: 'en',
      labels: ['* Reporter:', '* Dr Linh Pham:', '* Reporter:', '* Dr Linh Pham:', '* Reporter:', '* Dr Linh Pham:', '* Reporter:'],
      labelsAscii: ['* Reporter:', '* Dr Linh Pham:'],
      paragraphs: 10, // the intro and 9 paragraphs in 7 turns
      firstQuestion: 'How far did the salt come into the delta this year?',
      photos: [
        { caption: 'Agronomist Linh Pham inspects a trial field of salt-tolerant rice in Can Tho.', credit: 'Minh Tran/VNA' },
        { caption: 'Farmers test the water in a canal before opening a sluice gate in Soc Trang province.', credit: 'VNA' },
      ],
      creditWord: 'Photo',
      wordCount: 207,
    },
  ],
];

/** How many times `part` occurs in `whole`. */
const occurrences = (whole: string, part: string) => whole.split(part).length - 1;

describe.each(FIXTURES)('%s, sent to Superdesk', (_name, text, x) => {
  const doc = imported(text());
  const read = (format: keyof typeof READERS) => READERS[format](exported(doc, format));
  const picturesFiles = ['a', 'b', 'c'].slice(0, x.photos.length).map((d) => `${PICTURE_BASE}${asset(d).slice(0, 12)}.jpg`);

  describe('NITF without namespace', () => {
    const xml = asText(exported(doc, 'nitf-no-namespace'));
    const story = readNitfAsSuperdesk(xml);

    it('is taken by the parser and stays valid NITF', () => {
      assertValidNitfNoNamespace(xml);
    });

    it('carries headline, slugline, subject, byline, location, sapo and word count where the parser reads them', () => {
      expect(story.headline).toBe(x.headline);
      expect(story.slugline).toBe(x.slugline);
      expect(story.subjects).toEqual([x.subject]);
      expect(story.byline).toBe(x.byline);
      expect(story.location).toBe(x.location);
      expect(story.abstract?.startsWith(x.sapoStart)).toBe(true);
      expect(story.wordCount).toBe(x.wordCount);
      // No reader for the language in NITF; it is carried for other readers.
      expect(xpath(xml, 'string(/nitf/@baselang)')).toBe(x.language);
    });

    it('keeps every paragraph, each turn’s label apart from its answer', () => {
      expect(story.paragraphs).toHaveLength(x.paragraphs);
      expect(story.paragraphs.filter((p) => p.label !== null).map((p) => p.label)).toEqual(x.labels);
      expect(story.paragraphs[1]).toEqual({ label: x.labels[0], text: x.firstQuestion });
    });

    it('keeps each photo in the body with its caption and its credit, once each, and its size', () => {
      expect(story.pictures.map((p) => ({ caption: p.caption, credit: p.credit }))).toEqual(x.photos);
      expect(story.pictures.map((p) => [p.href, p.width, p.height])).toEqual(picturesFiles.map((f) => [f, 1600, 1067]));
      for (const photo of x.photos) expect(occurrences(story.bodyText, photo.caption)).toBe(1);
      expect(occurrences(story.bodyText, x.photos[0]!.credit)).toBe(1);
    });
  });

  describe('NewsML-G2', () => {
    const xml = asText(exported(doc, 'newsml-g2'));
    const story = readNewsmlG2AsSuperdesk(xml);

    it('is taken by the parser and stays valid NewsML-G2', () => {
      assertValidNewsmlG2(xml);
    });

    it('carries headline, slugline, subject, place, byline, language and word count where the parser reads them', () => {
      expect(story.headline).toBe(x.headline);
      expect(story.slugline).toBe(x.slugline);
      expect(story.subjects).toEqual([x.subject]);
      expect(story.location).toBe(x.location);
      expect(story.byline).toBe(x.byline);
      expect(story.language).toBe(x.language);
      expect(story.wordCount).toBe(x.wordCount);
    });

    it('opens the body with the sapo (the parser reads no text-item description), then every paragraph with its label apart', () => {
      expect(story.abstract).toBeNull();
      expect(story.paragraphs[0]!.text.startsWith(x.sapoStart)).toBe(true);
      expect(story.paragraphs).toHaveLength(x.paragraphs + 1);
      expect(story.paragraphs.filter((p) => p.label !== null).map((p) => p.label)).toEqual(x.labels);
      expect(story.paragraphs[2]).toEqual({ label: x.labels[0], text: x.firstQuestion });
    });

    it('sends each photo as a picture item: caption and credit once each, rendition with its address and size; none flattened into the story', () => {
      expect(story.pictures.map((p) => ({ caption: p.caption, credit: p.credit }))).toEqual(x.photos);
      expect(story.pictures.map((p) => [p.href, p.width, p.height])).toEqual(picturesFiles.map((f) => [f, 1600, 1067]));
      for (const photo of x.photos) expect(occurrences(story.bodyText, photo.caption)).toBe(0);
    });
  });

  describe('Superdesk ninjs', () => {
    const json = asText(exported(doc, 'ninjs-superdesk'));
    const story = readNinjsAsSuperdesk(json);

    it('carries headline, slugline, subject, byline, location, sapo, language and word count where the parser reads them', () => {
      expect(story.headline).toBe(x.headline);
      expect(story.slugline).toBe(x.slugline);
      expect(story.subjects).toEqual([x.subject]);
      expect(story.byline).toBe(x.byline);
      expect(story.location).toBe(x.location);
      expect(story.abstract?.startsWith(x.sapoStart)).toBe(true);
      expect(story.language).toBe(x.language);
      expect(story.wordCount).toBe(x.wordCount);
    });

    it('keeps every paragraph in body_html, each turn’s label in <strong> apart from its answer', () => {
      expect(story.paragraphs).toHaveLength(x.paragraphs);
      expect(story.paragraphs.filter((p) => p.label !== null).map((p) => p.label)).toEqual(x.labels);
      expect(story.paragraphs[1]).toEqual({ label: x.labels[0], text: x.firstQuestion });
    });

    it('gives the opening photo as featuremedia and embeds the others by association name, each with caption, credit and rendition', () => {
      const names = ['featuremedia', ...x.photos.slice(1).map((_, i) => `picture${i + 1}`)];
      expect(Object.keys(story.associations)).toEqual(names);
      expect(story.embedded).toEqual(names.slice(1));
      expect(names.map((n) => ({ caption: story.associations[n]!.caption, credit: story.associations[n]!.credit }))).toEqual(x.photos);
      expect(names.map((n) => [story.associations[n]!.href, story.associations[n]!.width, story.associations[n]!.height])).toEqual(picturesFiles.map((f) => [f, 1600, 1067]));
      // The feature picture is not repeated in the body; the embedded ones are there once.
      expect(occurrences(story.bodyText, x.photos[0]!.caption)).toBe(0);
      for (const photo of x.photos.slice(1)) expect(occurrences(story.bodyText, photo.caption)).toBe(1);
    });
  });

  describe('IPTC 7901', () => {
    const story = read('iptc7901');

    it('keeps the whole headline on the STX line and writes the slugline, the location line and the word count', () => {
      expect(story.headline).toBe(x.headlineAscii);
      expect(story.slugline).toBe(x.slugline);
      expect(story.location).toBe(x.locationAscii);
      expect(story.wordCount).toBe(x.wordCount);
    });

    it('opens the text with the sapo, keeps each label apart, and ends with the byline', () => {
      const paragraphs = story.paragraphs;
      expect(paragraphs[0]).toEqual({ label: null, text: expect.stringMatching(new RegExp(`^${x.sapoStartAscii}`)) });
      expect(paragraphs.filter((p) => p.label !== null).map((p) => p.label)).toEqual(x.labels.map((_, i) => x.labelsAscii[i % 2]));
      // sapo + body paragraphs + one paragraph per photo (caption, then its credit line) + byline
      expect(paragraphs).toHaveLength(1 + x.paragraphs + x.photos.length + 1);
      expect(story.byline).toBe(x.byline);
      const credits = paragraphs.filter((p) => p.text.includes(`${x.creditWord}: `));
      expect(credits).toHaveLength(x.photos.length);
    });
  });

  it('gives the one word count in every format', () => {
    const counts = (Object.keys(READERS) as Array<keyof typeof READERS>).map((f) => read(f).wordCount);
    expect(counts).toEqual([x.wordCount, x.wordCount, x.wordCount, x.wordCount]);
  });
});

describe('what the Superdesk parsers refuse, and what the Superdesk profile therefore never sends', () => {
  const doc = imported(fixtureInterviewText());

  it('namespaced NITF is refused by the NITF reader', () => {
    expect(() => readNitfAsSuperdesk(asText(exported(doc, 'nitf', { ...SUPERDESK, receiver: 'generic' })))).toThrow(/not nitf in no namespace/);
  });

  it('IPTC ninjs (associations as a list) is refused by the ninjs reader', () => {
    expect(() => readNinjsAsSuperdesk(asText(exported(doc, 'ninjs-3.1', { ...SUPERDESK, receiver: 'generic' })))).toThrow(/associations must be an object/);
  });

  it('the registry lets Superdesk destinations use only the formats it ingests whole', () => {
    const superdesk = (Object.keys(FORMATS) as FormatId[]).filter((f) => FORMATS[f].readBy.includes('superdesk'));
    expect(superdesk).toEqual(['nitf-no-namespace', 'newsml-g2', 'ninjs-superdesk', 'iptc7901']);
  });
});

describe('the Superdesk profile on hostile text', () => {
  it('stays valid NITF and NewsML-G2, readable ninjs and 7901, whatever the text contains', () => {
    for (const doc of hostileDocuments()) {
      // Photos without an image are a preflight error; exported anyway here, as the exporters must cope.
      const options = { ...optionsFor(doc), ...profileOptions(SUPERDESK, { format: 'newsml-g2', section: doc.meta.section, folderUri: 'file:///srv/drop/' }) };
      assertValidNitfNoNamespace(renderExport(doc, { format: 'nitf-no-namespace', options }) as string);
      assertValidNewsmlG2(renderExport(doc, { format: 'newsml-g2', options }) as string);
      readNinjsAsSuperdesk(renderExport(doc, { format: 'ninjs-superdesk', options }) as string);
      readIptc7901AsSuperdesk(renderExport(doc, { format: 'iptc7901', options }) as Uint8Array);
    }
  });
});

/** IPTC ninjs 3.1 and 2.2: schema-valid, absolute URIs, UTC times, pictures as associations. */
import { describe, expect, it } from 'vitest';
import { exportNinjs22, exportNinjs31, ninjs22, ninjs31 } from '../../../../shared/export/ninjs';
import { HEADLINE, LEAD_CAPTION, LEAD_PHOTO, optionsFor, seedLikeDocument } from '../../../helpers/export-fixtures';
import { assertValidNinjs, assertWellFormed, xpath } from '../../../helpers/xml-validators';

const doc = seedLikeDocument();
doc.meta.embargo = '2024-05-11T06:30:00+07:00';
doc.meta.editorialNote = 'Không đăng trước giờ G.\nLiên hệ ban biên tập.';
const options = optionsFor(doc);

type Obj = Record<string, unknown>;
const v31 = ninjs31(doc, options) as Obj;
const v22 = ninjs22(doc, options) as Obj;
const associations31 = v31.associations as Obj[];

/** Every string value under `key` anywhere in the object. */
function valuesOf(value: unknown, key: string, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => valuesOf(v, key, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key && typeof v === 'string') out.push(v);
      valuesOf(v, key, out);
    }
  }
  return out;
}

const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:/i;
const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('ninjs', () => {
  it('validates against the 3.1 and 2.2 JSON schemas', () => {
    assertValidNinjs(exportNinjs31(doc, options), '3.1');
    assertValidNinjs(exportNinjs22(doc, options), '2.2');
  });

  it('names the story and its pictures with absolute URIs, and links pictures by absolute href', () => {
    expect(v31.uri).toBe('urn:newsml:vnanet.vn:20240510:seed-like-000');
    const uris = [...valuesOf(v31, 'uri'), ...valuesOf(v31, 'href'), ...valuesOf(v31, 'src')];
    expect(uris.length).toBeGreaterThan(5);
    for (const uri of uris) expect(uri).toMatch(ABSOLUTE_URI);
    expect((associations31[0]!.renditions as Obj[])[0]!.href).toBe(`https://media.vnanet.vn/export/${options.pictures![LEAD_PHOTO]!.fileName}`);
  });

  it('writes every time in UTC with Z, taken from the options', () => {
    expect(v31).toMatchObject({
      firstCreated: '2024-05-10T02:00:00Z',
      versionCreated: '2024-05-10T03:15:30Z',
      embargoedUntil: '2024-05-10T23:30:00Z',
      version: '3',
    });
    const times = ['firstCreated', 'versionCreated', 'contentCreated', 'embargoedUntil'].flatMap((k) => valuesOf(v31, k));
    expect(times.length).toBeGreaterThan(4);
    for (const t of times) expect(t).toMatch(UTC);
  });

  it('carries headline, summary, byline, location, genre, section and keywords', () => {
    expect(v31.headlines).toEqual([{ role: 'main', value: HEADLINE }]);
    expect(v31.descriptions).toEqual([{ role: 'summary', value: doc.meta.sapo }]);
    expect(v31).toMatchObject({ by: 'Thanh Bình', located: 'Long An', language: 'vi', urgency: 5, pubStatus: 'usable', copyrightHolder: 'TTXVN' });
    expect(v31.edNote).toBe(doc.meta.editorialNote);
    expect(v31.genres).toEqual([{ name: 'Interview', uri: 'http://cv.iptc.org/newscodes/genre/Interview' }]);
    expect(v31.subjects).toEqual([
      { name: 'Xây dựng Đảng', rel: 'section' },
      { name: 'đảng viên', rel: 'keyword' },
      { name: 'Long An', rel: 'keyword' },
    ]);
  });

  it('has one XHTML body with the labels in <strong> and the photos as figures in place', () => {
    const [body] = v31.bodies as Array<{ contentType: string; value: string; wordCount: number }>;
    expect(body!.contentType).toBe('application/xhtml+xml');
    const xhtml = `<div>${body!.value}</div>`;
    assertWellFormed(xhtml);
    expect(xpath(xhtml, 'count(/div/p)')).toBe('17');
    expect(xpath(xhtml, 'string(/div/p[2]/node()[1][self::strong])')).toBe('* Phóng viên:');
    expect(xpath(xhtml, 'count(/div/figure)')).toBe('3');
    expect(xpath(xhtml, 'string(/div/figure[2]/preceding-sibling::p[1]/@class)')).toBe('answer');
    expect(body!.wordCount).toBeGreaterThan(300);
  });

  it('delivers each photo as a picture association: caption, alt text, credit, rendition', () => {
    expect(associations31).toHaveLength(3);
    expect(associations31[0]).toMatchObject({
      name: `pic-${LEAD_PHOTO}`,
      uri: `urn:newsml:vnanet.vn:20240510:seed-like-000.pic-${LEAD_PHOTO}`,
      type: 'picture',
      by: 'Thanh Hải/TTXVN',
      descriptions: [
        { role: 'caption', value: `${LEAD_CAPTION} Ảnh: Thanh Hải/TTXVN` },
        { role: 'alt', value: 'Ông Nguyễn Thanh Hải ngồi tại bàn làm việc' },
      ],
      renditions: [{ name: 'highRes', contentType: 'image/jpeg', width: 1600, height: 1067, sizeInBytes: 250_000 }],
    });
  });

  it('spells 2.2 with lower-case names and embargoed, the same content otherwise', () => {
    expect(v22).toMatchObject({ firstcreated: '2024-05-10T02:00:00Z', versioncreated: '2024-05-10T03:15:30Z', embargoed: '2024-05-10T23:30:00Z', pubstatus: 'usable', ednote: doc.meta.editorialNote });
    expect(v22.standard).toEqual({ name: 'ninjs', version: '2.2', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#' });
    expect(JSON.stringify(v22)).not.toMatch(/"[a-z]+[A-Z][A-Za-z]*":/); // no camelCase key left
    expect((v22.associations as Obj[])[0]!.renditions).toEqual([
      { name: 'highRes', href: (associations31[0]!.renditions as Obj[])[0]!.href, contenttype: 'image/jpeg', width: 1600, height: 1067, sizeinbytes: 250_000 },
    ]);
  });

  it('without a baseUri gives no href at all rather than a relative one', () => {
    const bare = ninjs31(doc, { ...options, baseUri: undefined });
    expect(valuesOf(bare, 'href')).toEqual([]);
    expect(JSON.stringify(bare)).not.toContain('src=');
    assertValidNinjs(JSON.stringify(bare), '3.1');
  });
});

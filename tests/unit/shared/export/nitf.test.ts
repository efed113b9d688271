/**
 * NITF: what a receiver reads, checked with XPath (libxml2) on the exported bytes. Structure is
 * checked on the no-namespace variant; the first test shows the two variants differ only by the
 * namespace declaration.
 */
import { describe, expect, it } from 'vitest';
import { exportNitf, exportNitfNoNamespace, NITF_NS } from '../../../../shared/export/nitf';
import { ANSWER_CONTINUED, ANSWER_PHOTO_1, FIRST_ANSWER, HEADLINE, INTRO, LEAD_CAPTION, LEAD_PHOTO, optionsFor, para, photo, seedLikeDocument, turn } from '../../../helpers/export-fixtures';
import { assertValidNitf, assertValidNitfNoNamespace, withNitfNamespace, xpath } from '../../../helpers/xml-validators';

const doc = seedLikeDocument();
const options = optionsFor(doc);
const xml = exportNitfNoNamespace(doc, options);
const q = (expression: string) => xpath(xml, expression);

describe('NITF 3.6', () => {
  it('comes in the NITF namespace and without it (Superdesk), otherwise byte-identical', () => {
    const namespaced = exportNitf(doc, options);
    assertValidNitf(namespaced);
    assertValidNitfNoNamespace(xml);
    expect(namespaced).toContain(`<nitf xmlns="${NITF_NS}" `);
    expect(xml).not.toContain('xmlns');
    expect(withNitfNamespace(xml)).toBe(namespaced);
  });

  it('carries headline, sapo as abstract, byline, dateline and genre where receivers look', () => {
    expect(q('string(/nitf/@baselang)')).toBe('vi');
    expect(q('string(/nitf/head/title)')).toBe(HEADLINE);
    expect(q('string(/nitf/body/body.head/hedline/hl1)')).toBe(HEADLINE);
    expect(q('string(/nitf/body/body.head/abstract/p)')).toBe(doc.meta.sapo);
    expect(q('string(/nitf/body/body.head/byline)')).toBe('Thanh Bình');
    expect(q('string(/nitf/body/body.end/tagline)')).toBe('Thanh Bình');
    expect(q('string(/nitf/body/body.head/dateline/location/city)')).toBe('Long An');
    expect(q('string(/nitf/head/tobject/tobject.property/@tobject.property.type)')).toBe('Interview');
    expect(q('string(/nitf/head/meta[@name="section"]/@content)')).toBe('Xây dựng Đảng');
    expect(q('string(/nitf/head/meta[@name="anpa-keyword"]/@content)')).toBe('LongAn-KetNapDangVien');
  });

  it('fills docdata: id, urgency, issue date from the options, language, keywords', () => {
    expect(q('string(//docdata/doc-id/@id-string)')).toBe('urn:newsml:vnanet.vn:20240510:seed-like-000');
    expect(q('string(//docdata/urgency/@ed-urg)')).toBe('5');
    // versionCreated 2024-05-10T10:15:30+07:00, in ISO 8601 basic form and UTC
    expect(q('string(//docdata/date.issue/@norm)')).toBe('20240510T031530Z');
    expect(q('string(//docdata/@management-status)')).toBe('usable');
    expect(q('count(//docdata/date.release)')).toBe('0');
    expect(q('string(//docdata/key-list/keyword[1]/@key)')).toBe('đảng viên');
    expect(q('string(//docdata/doc.copyright/@holder)')).toBe('TTXVN');
  });

  it('marks an embargo with management-status and date.release', () => {
    const embargoed = { ...doc, meta: { ...doc.meta, embargo: '2024-05-11T06:30:00+07:00' } };
    const out = exportNitfNoNamespace(embargoed, options);
    assertValidNitfNoNamespace(out);
    expect(xpath(out, 'string(//docdata/@management-status)')).toBe('embargoed');
    expect(xpath(out, 'string(//docdata/date.release/@norm)')).toBe('20240510T233000Z');
  });

  it('writes one <p> per paragraph, the label in <em class="bold"> at the start of the turn’s first paragraph', () => {
    const ps = '/nitf/body/body.content/p';
    expect(q(`count(${ps})`)).toBe('17'); // intro + 16 paragraphs in 9 turns
    expect(q(`string(${ps}[1]/@lede)`)).toBe('true');
    expect(q(`string(${ps}[1])`)).toBe(INTRO);
    // the question: label first, in bold emphasis, then a space and the text
    expect(q(`string(${ps}[2]/@class)`)).toBe('question');
    expect(q(`string(name(${ps}[2]/node()[1]))`)).toBe('em');
    expect(q(`string(${ps}[2]/node()[1]/@class)`)).toBe('bold');
    expect(q(`string(${ps}[2]/node()[1])`)).toBe('* Phóng viên:');
    expect(q(`string(${ps}[3])`)).toBe(`* Ông Nguyễn Thanh Hải: ${FIRST_ANSWER}`);
    // a continuation paragraph of the same answer has no label
    expect(q(`string(${ps}[4])`)).toBe(ANSWER_CONTINUED);
    expect(q(`count(${ps}[4]/em)`)).toBe('0');
    expect(q(`string(${ps}[4]/@class)`)).toBe('answer');
    // 9 turns, 9 labelled paragraphs, each starting with its label in bold emphasis
    expect(q(`count(${ps}[starts-with(., "* ")])`)).toBe('9');
    expect(q(`count(${ps}[starts-with(., "* ")][not(node()[1][self::em[@class="bold"][starts-with(., "* ")]])])`)).toBe('0');
  });

  it('prints an empty turn as its label alone, with no white space added around it', () => {
    const d = seedLikeDocument();
    d.body = [turn('p1', para('')), turn('p2', para('Có.'))];
    const out = exportNitfNoNamespace(d, options);
    expect(xpath(out, 'string(//body.content/p[1])')).toBe('* Phóng viên:');
    expect(out).toContain('<p class="question"><em class="bold">* Phóng viên:</em></p>');
  });

  it('keeps the writer’s bold and italic as em classes', () => {
    expect(q('string(//p/em[@class="bold"][. = "vẫn còn một số khó khăn"])')).toBe('vẫn còn một số khó khăn');
    expect(q('string(//p/em[@class="italic"])')).toBe('thực hiện nghiêm túc');
    const both = seedLikeDocument();
    both.body = [para({ text: 'x', bold: true, italic: true })];
    expect(xpath(exportNitfNoNamespace(both, options), 'string(//p/em[@class="bold"]/em[@class="italic"])')).toBe('x');
  });

  it('puts photos in place as <media> with caption, credit as media-producer, alt text and the file', () => {
    const media = '/nitf/body/body.content/media';
    expect(q(`count(${media})`)).toBe('3');
    expect(q(`string(name(/nitf/body/body.content/*[1]))`)).toBe('media'); // the lead photo comes first
    expect(q(`string(${media}[1]/@media-type)`)).toBe('image');
    expect(q(`string(${media}[1]/media-producer)`)).toBe('Thanh Hải/TTXVN');
    expect(q(`string(${media}[1]/media-caption)`)).toBe(`${LEAD_CAPTION} Ảnh: Thanh Hải/TTXVN`);
    expect(q(`string(${media}[1]/media-reference/@source-credit)`)).toBe('Thanh Hải/TTXVN');
    expect(q(`string(${media}[1]/media-reference/@alternate-text)`)).toBe('Ông Nguyễn Thanh Hải ngồi tại bàn làm việc');
    expect(q(`string(${media}[1]/media-reference/@source)`)).toBe(options.pictures![LEAD_PHOTO]!.fileName);
    expect(q(`string(${media}[1]/media-reference/@mime-type)`)).toBe('image/jpeg');
    // the photo inside the answer sits between that answer's paragraphs
    expect(q(`string(${media}[2]/preceding-sibling::p[1])`)).toBe(ANSWER_CONTINUED);
    expect(q(`string(${media}[2]/media-reference/@source)`)).toBe(options.pictures![ANSWER_PHOTO_1]!.fileName);
    expect(q(`string(${media}[2]/following-sibling::p[1]/@class)`)).toBe('answer');
  });

  it('keeps a photo without an image valid: a media-reference with no source', () => {
    const noImage = seedLikeDocument();
    noImage.body = [turn('p1', para('Q?')), photo(null, 'Chú thích', 'TTXVN')];
    const out = exportNitfNoNamespace(noImage, options);
    assertValidNitfNoNamespace(out);
    expect(xpath(out, 'count(//media/media-reference/@source)')).toBe('0');
    expect(xpath(out, 'string(//media/media-producer)')).toBe('TTXVN');
  });

  it('escapes text that looks like markup or entities, and reads back exactly', () => {
    const tricky = 'Tom & Jerry <b>x</b> ]]> &amp; &nbsp; &#0; "q"';
    const d = seedLikeDocument();
    d.meta.headline = tricky;
    d.meta.keywords = [tricky];
    d.body = [para(tricky)];
    const out = exportNitfNoNamespace(d, options);
    assertValidNitfNoNamespace(out);
    expect(xpath(out, 'string(//hl1)')).toBe(tricky);
    expect(xpath(out, 'string(//body.content/p)')).toBe(tricky);
    expect(xpath(out, 'string(//keyword/@key)')).toBe(tricky);
  });
});

/** NewsML-G2: the message, package, text item and picture items, read back with XPath. */
import { describe, expect, it } from 'vitest';
import { ALT_TEXT_ROLE, ALT_TEXT_SCHEME, exportNewsmlG2, NAR_NS } from '../../../../shared/export/newsml-g2';
import { NITF_NS } from '../../../../shared/export/nitf';
import { ANSWER_PHOTO_1, HEADLINE, LEAD_CAPTION, LEAD_PHOTO, optionsFor, photo, seedLikeDocument } from '../../../helpers/export-fixtures';
import { itNeeds } from '../../../helpers/it-needs';
import { assertNewsmlG2Structure, assertValidNewsmlG2, assertValidXml, el, xpath } from '../../../helpers/xml-validators';

const doc = seedLikeDocument();
const options = optionsFor(doc);
const xml = exportNewsmlG2(doc, options);
const q = (expression: string) => xpath(xml, expression);

const items = `/${el('newsMessage')}/${el('itemSet')}`;
const textItem = `${items}/${el('newsItem')}[${el('itemMeta')}/${el('itemClass')}/@qcode="ninat:text"]`;
const pictureItems = `${items}/${el('newsItem')}[${el('itemMeta')}/${el('itemClass')}/@qcode="ninat:picture"]`;
const textGuid = 'urn:newsml:vnanet.vn:20240510:seed-like-000';
const pictureGuid = (assetId: string) => `${textGuid}.pic-${assetId}`;

describe('NewsML-G2 2.35', () => {
  it('has the structure NewsML-G2 requires, in its namespace', () => {
    assertNewsmlG2Structure(xml);
    expect(q(`namespace-uri(/*)`)).toBe(NAR_NS);
  });

  itNeeds('schemas')('is valid against the power XSD and the driver XSD that also checks the inline NITF', () => {
    assertValidNewsmlG2(xml);
  });

  itNeeds('schemas')('really checks the inline NITF: a bogus element in it fails the driver XSD only', () => {
    const broken = xml.replace('<hl1>', '<hl1><bogus/>');
    assertValidXml(broken, 'g2Power');
    expect(() => assertValidXml(broken, 'g2Driver')).toThrow(/bogus/);
  });

  it('sends one message: header times from the options, a package, the text item and a picture item per photo', () => {
    expect(q(`string(/${el('newsMessage')}/${el('header')}/${el('sent')})`)).toBe('2024-05-10T03:15:30Z');
    expect(q(`count(${items}/${el('packageItem')})`)).toBe('1');
    expect(q(`count(${textItem})`)).toBe('1');
    expect(q(`count(${pictureItems})`)).toBe('3');
    for (const item of ['packageItem', 'newsItem']) {
      expect(q(`count(${items}/${el(item)}[@standard="NewsML-G2" and @standardversion="2.35" and @version="3" and @conformance="power"])`)).toBe(
        q(`count(${items}/${el(item)})`),
      );
    }
  });

  it('ties the items together in the package, in reading order', () => {
    const refs = `${items}/${el('packageItem')}/${el('groupSet')}[@root="G1"]/${el('group')}[@id="G1"]/${el('itemRef')}`;
    expect(q(`count(${refs})`)).toBe('4');
    expect(q(`string(${refs}[1]/@residref)`)).toBe(textGuid);
    expect(q(`string(${refs}[1]/${el('itemClass')}/@qcode)`)).toBe('ninat:text');
    expect(q(`string(${refs}[2]/@residref)`)).toBe(pictureGuid(LEAD_PHOTO));
    expect(q(`string(${refs}[3]/@residref)`)).toBe(pictureGuid(ANSWER_PHOTO_1));
    // every itemRef points at an item of this message
    expect(q(`count(${refs}[not(@residref = ${items}/${el('newsItem')}/@guid)])`)).toBe('0');
  });

  it('gives the text item the metadata Superdesk and other receivers read', () => {
    const meta = `${textItem}/${el('contentMeta')}`;
    const itemMeta = `${textItem}/${el('itemMeta')}`;
    expect(q(`string(${textItem}/@guid)`)).toBe(textGuid);
    expect(q(`string(${textItem}/@xml:lang)`)).toBe('vi');
    expect(q(`string(${itemMeta}/${el('pubStatus')}/@qcode)`)).toBe('stat:usable');
    expect(q(`string(${itemMeta}/${el('versionCreated')})`)).toBe('2024-05-10T03:15:30Z');
    expect(q(`string(${itemMeta}/${el('firstCreated')})`)).toBe('2024-05-10T02:00:00Z');
    expect(q(`string(${itemMeta}/${el('service')}/${el('name')})`)).toBe('Xây dựng Đảng');
    expect(q(`string(${meta}/${el('urgency')})`)).toBe('5');
    expect(q(`string(${meta}/${el('language')}/@tag)`)).toBe('vi');
    expect(q(`string(${meta}/${el('genre')}/@qcode)`)).toBe('genre:Interview');
    expect(q(`string(${meta}/${el('headline')})`)).toBe(HEADLINE);
    expect(q(`string(${meta}/${el('description')}[@role="drol:summary"])`)).toBe(doc.meta.sapo);
    expect(q(`string(${meta}/${el('by')})`)).toBe('Thanh Bình');
    expect(q(`string(${meta}/${el('creator')}/${el('name')})`)).toBe('Thanh Bình');
    expect(q(`string(${meta}/${el('located')}/${el('name')})`)).toBe('Long An');
    expect(q(`string(${meta}/${el('dateline')})`)).toBe('Long An');
    expect(q(`string(${meta}/${el('slugline')})`)).toBe('LongAn-KetNapDangVien');
  });

  it('wraps the inline NITF body in <block>, with labels in bold emphasis', () => {
    const inline = `${textItem}/${el('contentSet')}/${el('inlineXML')}[@contenttype="application/nitf+xml"]`;
    const block = `${inline}/${el('nitf')}/${el('body')}/${el('body.content')}/${el('block')}`;
    expect(q(`namespace-uri(${inline}/*)`)).toBe(NITF_NS);
    expect(q(`count(${inline}/${el('nitf')}/${el('body')}/${el('body.content')}/${el('p')})`)).toBe('0');
    expect(q(`count(${block}/${el('p')})`)).toBe('17');
    expect(q(`string(${block}/${el('p')}[2]/*[1][@class="bold"])`)).toBe('* Phóng viên:');
    expect(q(`count(${block}/${el('media')})`)).toBe('3');
  });

  it('makes a picture item per photo: caption, credit, alt text and a relative href to the delivered file', () => {
    const lead = `${pictureItems}[@guid="${pictureGuid(LEAD_PHOTO)}"]`;
    const meta = `${lead}/${el('contentMeta')}`;
    expect(q(`string(${lead}/${el('itemMeta')}/${el('pubStatus')}/@qcode)`)).toBe('stat:usable');
    expect(q(`string(${meta}/${el('description')}[@role="drol:caption"])`)).toBe(`${LEAD_CAPTION} Ảnh: Thanh Hải/TTXVN`);
    expect(q(`string(${meta}/${el('creditline')})`)).toBe('Thanh Hải/TTXVN');
    expect(q(`string(${meta}/${el('by')})`)).toBe('Thanh Hải/TTXVN');
    expect(q(`string(${meta}/${el('description')}[@role="${ALT_TEXT_ROLE}"])`)).toBe('Ông Nguyễn Thanh Hải ngồi tại bàn làm việc');
    // the alt-text role's scheme is declared in the item, so the qcode resolves
    expect(q(`string(${lead}/${el('catalog')}/${el('scheme')}[@alias="idrol"]/@uri)`)).toBe(ALT_TEXT_SCHEME);
    const rendition = `${lead}/${el('contentSet')}/${el('remoteContent')}`;
    expect(q(`string(${rendition}/@href)`)).toBe(options.pictures![LEAD_PHOTO]!.fileName);
    expect(q(`string(${rendition}/@contenttype)`)).toBe('image/jpeg');
    expect(q(`string(${rendition}/@width)`)).toBe('1600');
    expect(q(`string(${rendition}/@size)`)).toBe('250000');
  });

  it('leaves photos without a delivered image out of the picture items, but keeps them valid', () => {
    const d = seedLikeDocument();
    d.body.push(photo(null, 'Không có ảnh', 'TTXVN'), photo('d'.repeat(64), 'Ảnh không có trong thư viện', 'TTXVN'));
    const out = exportNewsmlG2(d, options);
    assertValidNewsmlG2(out);
    expect(xpath(out, `count(${pictureItems})`)).toBe('3');
  });
});

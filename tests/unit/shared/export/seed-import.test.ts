/**
 * An agency article, through the agency-text importer, out through every wire format: valid, with
 * its 9 turns and 3 photos where the reader expects them. Run on the repository's own agency-style
 * interview (tests/fixtures/agency-interview.txt), and on the real seed article where it is present.
 */
import { describe, expect, it } from 'vitest';
import { exportHtml } from '../../../../shared/export/html';
import { exportIptc7901 } from '../../../../shared/export/iptc7901';
import { exportNewsmlG2 } from '../../../../shared/export/newsml-g2';
import { exportNinjs22, exportNinjs31 } from '../../../../shared/export/ninjs';
import { exportNitf, exportNitfNoNamespace } from '../../../../shared/export/nitf';
import { preflight } from '../../../../shared/export/preflight';
import { importAgencyText } from '../../../../shared/import/agency-text';
import type { Interview } from '../../../../shared/model/schema';
import { asset, optionsFor } from '../../../helpers/export-fixtures';
import { readIptc7901 } from '../../../helpers/iptc7901-layout';
import { fixtureInterviewText, realSeedText } from '../../../helpers/material';
import { itNeeds } from '../../../helpers/it-needs';
import { assertValidNewsmlG2, assertValidNinjs, assertValidNitf, assertValidNitfNoNamespace, assertWellFormed, el, xpath } from '../../../helpers/xml-validators';

/** The imported article with an image attached to each photo, as the reporter would before sending. */
function imported(text: string): Interview {
  const { doc } = importAgencyText(text, { id: 'seed-000' });
  let n = 0;
  const attach = (b: Interview['body'][number]) => {
    if (b.type === 'photo') b.assetId = asset('abc'[n++ % 3]!);
    if (b.type === 'turn') b.children.forEach((c) => c.type === 'photo' && (c.assetId = asset('abc'[n++ % 3]!)));
  };
  doc.body.forEach(attach);
  return doc;
}

function validatesInEveryFormat(doc: Interview): void {
  const options = optionsFor(doc);
  assertValidNitf(exportNitf(doc, options));
  assertValidNitfNoNamespace(exportNitfNoNamespace(doc, options));
  assertValidNewsmlG2(exportNewsmlG2(doc, options));
  assertValidNinjs(exportNinjs31(doc, options), '3.1');
  assertValidNinjs(exportNinjs22(doc, options), '2.2');
  assertWellFormed(exportHtml(doc, options));
  readIptc7901(exportIptc7901(doc, options));
}

/** 9 labelled turns, 3 photos, the second inside an answer that goes on after it; intro first, byline last. */
function keepsItsShape(doc: Interview, expected: { intro: RegExp; byline: string }): void {
  const options = optionsFor(doc);
  const nitf = exportNitfNoNamespace(doc, options);
  expect(xpath(nitf, 'count(//body.content/p[em[1][@class="bold"] and starts-with(., "* ")])')).toBe('9');
  expect(xpath(nitf, 'count(//body.content/media)')).toBe('3');
  expect(xpath(nitf, 'string(//body.content/media[2]/preceding-sibling::p[1]/@class)')).toBe('answer');
  expect(xpath(nitf, 'string(//body.content/media[2]/following-sibling::p[1]/@class)')).toBe('answer');
  expect(xpath(nitf, 'string(//body.content/media[2]/media-producer)')).toBe('TTXVN phát');
  expect(xpath(nitf, 'string(//body.content/p[last()])')).toBe('* Phóng viên: Trân trọng cảm ơn ông!');
  expect(xpath(nitf, 'string(//body.content/p[1])')).toMatch(expected.intro);
  expect(xpath(nitf, 'string(//body.end/tagline)')).toBe(expected.byline);

  const g2 = exportNewsmlG2(doc, options);
  expect(xpath(g2, `count(//${el('newsItem')}[${el('itemMeta')}/${el('itemClass')}/@qcode="ninat:picture"])`)).toBe('3');
}

const wireText = (doc: Interview) =>
  readIptc7901(exportIptc7901(doc, optionsFor(doc)))
    .textLines.join(' ')
    .replace(/\s+/g, ' ');

describe('the agency-style fixture interview, imported then exported', () => {
  const doc = imported(fixtureInterviewText());

  it('passes preflight, also for 7901 (its headline travels whole on the STX line)', () => {
    expect(preflight(doc, { format: 'nitf' })).toEqual({ errors: [], warnings: [] });
    expect(preflight(doc, { format: 'iptc7901' })).toEqual({ errors: [], warnings: [] });
  });

  it('validates in every format', () => {
    validatesInEveryFormat(doc);
  });

  it('keeps its 9 labelled turns and 3 photos, the second photo inside an answer', () => {
    keepsItsShape(doc, { intro: /^TTXVN - Những năm gần đây/, byline: 'Minh Trang' });
  });

  it('transliterates it for 7901: marks dropped, đ as d, curly quotes straight', () => {
    const text = wireText(doc);
    expect(text).toContain('* Phong vien: Dua nuoc sach ve vung cao la mot trong nhung chi tieu');
    expect(text).toContain('Ket qua khao sat cua So Nong nghiep'); // the misplaced mark (`khaỏ`) is lost with the others
    expect(text).toContain('"co nuoc sach thi phai cung nhau giu lay nguon nuoc"');
  });
});

describe('the real seed article, imported then exported', () => {
  const seed = itNeeds('seed');

  seed('passes preflight, also for 7901 (its headline travels whole on the STX line)', () => {
    const doc = imported(realSeedText());
    expect(preflight(doc, { format: 'nitf' })).toEqual({ errors: [], warnings: [] });
    expect(preflight(doc, { format: 'iptc7901' })).toEqual({ errors: [], warnings: [] });
  });

  seed('validates in every format, keeping its 9 turns and 3 photos', () => {
    const doc = imported(realSeedText());
    validatesInEveryFormat(doc);
    keepsItsShape(doc, { intro: /^TTXVN - Thời gian qua/, byline: 'Thanh Bình' });
  });

  seed('transliterates it for 7901', () => {
    const doc = imported(realSeedText());
    expect(readIptc7901(exportIptc7901(doc, optionsFor(doc))).textLines).toContain('   * Phong vien: Phat trien dang vien la mot trong nhung nhiem vu');
    const text = wireText(doc);
    expect(text).toContain('tap trung lanh dao, thuc hien'); // the seed's misplaced mark (`lãnh đaọ`) is lost with the others
    expect(text).toContain('"o dau co quan chung nhan dan thi o do co dang vien"');
  });
});

/**
 * Trust first. A quote given to the wrong speaker is the worst failure an importer can make, and a
 * word dropped without a word said is the next: so ordinary stories with quotes are not turned into
 * interviews, and every word of every fixture is either in the document or on a line the report
 * says was left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAgencyText } from '../../../../shared/import/agency-text';
import { fixtureInterviewText } from '../../../helpers/material';

const DIR = new URL('../../../fixtures/import/', import.meta.url);
const FIXTURES = readdirSync(DIR).filter((name) => name.endsWith('.txt'));

describe('stories that are not interviews stay paragraphs', () => {
  const turns = (text: string) => importAgencyText(text).report.turns.length;

  it('quotes introduced by their speech verb, in English and Vietnamese', () => {
    const en = [
      'Flood barrier opens in Hoi An',
      'HOI AN (VNA) - The city opened its new flood wall on Monday.',
      'Mayor Tran Van Long said: "This wall protects twenty thousand people."',
      'The project cost 300 billion dong. Residents were cautious.',
      'Nguyen Thi Mai, a shop owner: "We will see in October when the rains come."',
      'Key facts: The wall is 2.4 metres high. It took three years to build.',
    ].join('\n\n');
    const vi = [
      'Hà Nội: Khai trương tuyến buýt điện thứ ba',
      'Sáng 12/5, Hà Nội khai trương tuyến buýt điện nối Long Biên với Mỹ Đình.',
      'Ông Nguyễn Văn An, Giám đốc Sở Giao thông vận tải cho biết: "Tuyến buýt này phục vụ khoảng 5.000 lượt khách mỗi ngày."',
      'Bà Trần Thị Bích, hành khách: "Xe êm, sạch, tôi sẽ đi thường xuyên."',
      'Giá vé: 7.000 đồng một lượt.',
    ].join('\n\n');
    expect(turns(en)).toBe(0);
    expect(turns(vi)).toBe(0);
    expect(importAgencyText(vi).report.findings.map((f) => f.kind)).toEqual(['no-speaker']);
  });

  it('a programme, a list of terms, one-word labels', () => {
    expect(turns('Chương trình hội nghị\n\nSáng: Khai mạc, báo cáo của Bộ trưởng.\n\nChiều: Thảo luận tại tổ và bế mạc hội nghị.')).toBe(0);
    expect(turns('Glossary\n\nTariff: A tax on imports.\n\nQuota: A limit on the amount imported.')).toBe(0);
  });

  it('a narrated quote after a question is not an answer by “Ông A cho biết”', () => {
    const { doc } = importAgencyText('PV: Ông nghĩ sao về dự án?\n\nÔng Lê Văn An cho biết: "Dự án rất cần thiết."\n\nPV: Cảm ơn ông.');
    expect(doc.participants.map((p) => p.label)).toEqual(['PV']);
  });
});

/** Lower-case words of a text. */
const wordsOf = (text: string) => new Set((text.normalize('NFC').toLocaleLowerCase('vi').match(/[\p{L}\p{N}]+/gu) ?? []));

describe('no word is dropped without a finding', () => {
  const texts = [...FIXTURES.map((name) => ({ name, text: readFileSync(new URL(name, DIR), 'utf8') })), { name: 'agency-interview.txt', text: fixtureInterviewText() }];

  /** Words of the layout itself, which the document holds as structure: credit and caption markers, `By`, `(thực hiện)`. */
  const STRUCTURE = new Set(['ảnh', 'photo', 'image', 'copyright', 'caption', 'bản', 'quyền', 'hình', 'chú', 'thích', 'by', 'thực', 'hiện']);

  it.each(texts)('$name', ({ text }) => {
    const { doc, report } = importAgencyText(text);
    // The document, and each turn's label as printed (`CS` for CYNTHIA SMITH, `GV` for Giáo viên).
    const kept = wordsOf(`${JSON.stringify(doc)} ${report.turns.map((t) => t.matched).join(' ')}`);
    // Lines the report says were left out (page furniture, the web chrome), and lines it repaired.
    const leftOut = new Set<number>();
    for (const f of report.findings) {
      if (f.kind === 'furniture-dropped' || f.kind === 'text-omitted') for (let l = f.line; l <= (f.toLine ?? f.line); l++) leftOut.add(l);
    }
    const repaired = report.findings.some((f) => f.kind === 'encoding-repaired');
    const lost = text.split(/\r\n|\n/).flatMap((line, i) => {
      // An image placeholder (`[Ảnh]`, `anh-1.jpg`) is where the photo stands: the photo is its trace.
      if (leftOut.has(i + 1) || repaired || /^(?:\[[^\]]*\]|[\w.-]+\.(?:jpe?g|png|gif|webp))$/iu.test(line.trim())) return [];
      return [...wordsOf(line)].filter((w) => !kept.has(w) && !STRUCTURE.has(w)).map((w) => `${i + 1}: ${w}`);
    });
    expect(lost).toEqual([]);
  });
});

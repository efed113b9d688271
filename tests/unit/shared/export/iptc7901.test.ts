/** IPTC 7901 byte layout (header, headline, 69-column text lines, trailer) and the lossy ASCII transliteration. */
import { describe, expect, it } from 'vitest';
import { toAscii } from '../../../../shared/export/ascii';
import { exportIptc7901, wrap } from '../../../../shared/export/iptc7901';
import { optionsFor, para, seedLikeDocument, turn } from '../../../helpers/export-fixtures';
import { readIptc7901 } from '../../../helpers/iptc7901-layout';

const doc = seedLikeDocument();
const options = optionsFor(doc);
const bytes = exportIptc7901(doc, options);
const message = readIptc7901(bytes);

describe('IPTC 7901 layout', () => {
  it('frames the message: SOH header, LF, keyword/, STX headline =, text, ETX post-text, DEL LF DEL EOT', () => {
    expect(bytes[0]).toBe(0x01);
    expect([...bytes.slice(-6)]).toEqual([0x0d, 0x0a, 0x7f, 0x0a, 0x7f, 0x04]);
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).toMatch(/^\x01ttxvn0003 5 i \d+ \r\n\nLongAn-KetNapDangVien\/\r\n\x02Long An: /);
    expect(message).toMatchObject({ sourceId: 'ttxvn', messageNumber: '0003', priority: '5', category: 'i' });
  });

  it('writes 7-bit ASCII only, with control bytes only in the framing', () => {
    expect([...bytes].every((b) => b < 0x80)).toBe(true);
    const controls = [...bytes].filter((b) => b < 0x20 || b === 0x7f).filter((b) => b !== 0x0d && b !== 0x0a);
    expect(controls).toEqual([0x01, 0x02, 0x03, 0x7f, 0x7f, 0x04]);
  });

  it('keeps the whole headline on the STX line, then the location line, unwrapped', () => {
    expect(message.headlineLines).toEqual(['Long An: Ket nap dang vien vuot chi tieu Nghi quyet Dai hoi Dang bo tinh de ra =']);
    expect(message.headerLines).toEqual(['Long An']);
    const long = { ...doc, meta: { ...doc.meta, headline: `${'Rất dài '.repeat(30)}hết` } };
    const m = readIptc7901(exportIptc7901(long, options));
    expect(m.headlineLines).toEqual([`${'Rat dai '.repeat(30)}het =`]);
  });

  it('wraps every text line at 69 characters and opens each paragraph with a blank line and 3 spaces', () => {
    const all = [...message.keywordLines, ...message.textLines.slice(message.headerLines.length)];
    expect(Math.max(...all.map((l) => l.length))).toBeLessThanOrEqual(69);
    const starts = message.textLines.flatMap((line, i) => (message.textLines[i - 1] === '' && line !== '' ? [line] : []));
    expect(starts.every((l) => l.startsWith('   ') && l[3] !== ' ')).toBe(true);
    expect(starts[0]).toMatch(/^ {3}Cac cap uy tinh Long An/); // the sapo comes first
    expect(starts).toContain('   TTXVN - Thoi gian qua, Tinh uy Long An luon quan tam cung co, xay');
  });

  it('keeps the turn labels as text and a photo as its caption and credit lines', () => {
    const text = message.textLines.join('\n');
    expect(text).toContain('   * Phong vien: Phat trien dang vien');
    expect(text).toContain('   * Ong Nguyen Thanh Hai: Dang bo tinh Long An');
    expect(text).toContain('Long An.\nAnh: Thanh Hai/TTXVN\n');
    expect(message.textLines.at(-1)).toBe('   Thanh Binh'); // the byline ends the text
  });

  it('gives the story’s word count in the header: body paragraphs with their labels, not sapo, captions or byline', () => {
    // Counted here from the document itself: every paragraph's words, and each turn's label once.
    const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const labels = new Map(doc.participants.map((p) => [p.id, p.label]));
    let expected = 0;
    for (const block of doc.body) {
      if (block.type === 'paragraph') expected += words(block.children.map((l) => l.text).join(''));
      if (block.type !== 'turn') continue;
      expected += words(labels.get(block.speakerId)!);
      for (const child of block.children) if (child.type === 'paragraph') expected += words(child.children.map((l) => l.text).join(''));
    }
    expect(message.wordCount).toBe(expected);
  });

  it('dates the post-text from the version time, in UTC', () => {
    // versionCreated 2024-05-10T10:15:30+07:00 = 03:15 UTC on the 10th
    expect(message.postText).toBe('100315 GMT May 10 ');
  });

  it('maps urgency to a 1–6 priority and takes settings for source, number and category', () => {
    const urgent = { ...doc, meta: { ...doc.meta, urgency: 9 } };
    const m = readIptc7901(exportIptc7901(urgent, options, { sourceId: 'vna', messageNumber: 42, category: 'pol' }));
    expect(m).toMatchObject({ sourceId: 'vna', messageNumber: '0042', priority: '6', category: 'pol' });
  });

  it('puts embargo and editorial note after "not for publication"', () => {
    const noted = { ...doc, meta: { ...doc.meta, embargo: '2024-05-11T06:30:00+07:00', editorialNote: 'Ghi chú\nDòng hai' } };
    const m = readIptc7901(exportIptc7901(noted, options));
    const at = m.textLines.indexOf('The following information is not for publication');
    expect(m.textLines.slice(at + 1)).toEqual(['Embargoed until 2024-05-10T23:30:00Z', 'Ghi chu', 'Dong hai']);
  });

  it('cuts words longer than a line without losing a character', () => {
    const long = seedLikeDocument();
    const word = 'Đảngviên😀مرحبا'.repeat(80);
    long.body = [turn('p1', para(word))];
    const m = readIptc7901(exportIptc7901(long, options, { charset: 'utf-8' }), 'utf-8');
    const first = m.textLines.findIndex((l) => l.startsWith('   * Phóng viên:'));
    const rebuilt = m.textLines.slice(first, m.textLines.indexOf('', first + 1)).join('');
    expect(rebuilt).toBe(`   * Phóng viên:${word}`);
  });

  it('keeps Vietnamese in UTF-8 when agreed with the receiver', () => {
    const utf8 = exportIptc7901(doc, options, { charset: 'utf-8' });
    const m = readIptc7901(utf8, 'utf-8');
    expect(m.headlineLines.join(' ')).toContain('Kết nạp đảng viên');
    expect(m.textLines.join('\n')).toContain('* Phóng viên:');
    expect(Buffer.from(utf8).toString('utf8')).toContain('Ảnh: Thanh Hải/TTXVN');
  });
});

describe('wrap', () => {
  it('fills lines to 69 characters, indent and suffix included', () => {
    const lines = wrap('a '.repeat(100).trim(), '   ', ' =');
    expect(lines.every((l) => l.length <= 69)).toBe(true);
    expect(lines[0]!.startsWith('   a a')).toBe(true);
    expect(lines.at(-1)!.endsWith('a =')).toBe(true);
    expect(lines.join(' ').replace(/\s+/g, ' ').trim()).toBe(`${'a '.repeat(100).trim()} =`);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const lines = wrap('😀'.repeat(100));
    expect(lines.map((l) => Array.from(l).length)).toEqual([69, 31]);
    expect(lines.join('')).toBe('😀'.repeat(100));
  });
});

describe('ASCII transliteration (lossy)', () => {
  it('drops Vietnamese marks and turns đ into d', () => {
    expect(toAscii('đảng viên')).toBe('dang vien');
    expect(toAscii('Thúc đẩy ĐẢNG ỦY Ông Nguyễn')).toBe('Thuc day DANG UY Ong Nguyen');
    expect(toAscii('Việt'.normalize('NFD'))).toBe('Viet');
  });

  it('is lossy: words that differ only by marks become one', () => {
    expect(new Set(['bán', 'bạn', 'ban', 'bàn'].map(toAscii))).toEqual(new Set(['ban']));
  });

  it('maps punctuation to look-alikes and anything else to ?', () => {
    expect(toAscii('“ở đâu” – ‘x’ … ß\u00A0€ 😀 مرحبا')).toBe('"o dau" - \'x\' ... ss ? ? ?????');
  });
});

/**
 * The importer's honest report: every import returns what it was unsure of, one finding per place
 * with its line number, in line order; each kind reads in English and Vietnamese; and the report
 * keeps the fields its callers already read (electron/cli/convert.ts, the import preview, paste).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAgencyText } from '../../../../shared/import/agency-text';
import { describeImportFinding, IMPORT_FINDING_KINDS, type ImportFinding } from '../../../../shared/import/findings';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url), 'utf8');

describe('the report keeps what its callers read', () => {
  it('has the fields the CLI, the import preview and paste use, plus findings and the language', () => {
    const { report } = importAgencyText(fixture('vi-one-answer.txt'));
    expect(Object.keys(report).sort()).toEqual(['findings', 'language', 'omittedFromLine', 'photos', 'speakers', 'turns', 'unplaced', 'webChromeFromLine']);
    // Lines kept as text are still listed in `unplaced`, and are findings too.
    expect(report.unplaced.map((u) => [u.line, u.reason])).toEqual([
      [5, 'unproven-label'],
      [7, 'credit-without-caption'],
    ]);
    expect(report.findings.map((f) => [f.line, f.kind])).toEqual([
      [3, 'label-once'],
      [5, 'unproven-label'],
      [7, 'credit-without-caption'],
    ]);
  });

  it('lists findings in line order, each with its line', () => {
    for (const name of ['vi-lost-bold.txt', 'en-furniture.txt', 'vi-furniture.txt', 'en-short-forms.txt']) {
      const lines = importAgencyText(fixture(name)).report.findings.map((f) => f.line);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
      expect(lines.every((l) => Number.isInteger(l) && l >= 1)).toBe(true);
    }
  });
});

describe('what the importer reports', () => {
  const kinds = (text: string) => importAgencyText(text).report.findings.map((f) => [f.line, f.kind, f.detail ?? null]);

  it('a text with no speaker at all', () => {
    expect(kinds(fixture('vi-ordinary-colons.txt'))).toEqual([[1, 'no-speaker', null]]);
  });

  it('a label merged with another, and the same speaker twice in a row', () => {
    // VOA (1), CYNTHIA SMITH (3), VOA (5), CS (7), CS (9), VOA (11), CS (13).
    expect(kinds(fixture('en-short-forms.txt'))).toEqual([
      [7, 'label-merged', 'CYNTHIA SMITH'],
      [9, 'same-speaker-twice', 'CYNTHIA SMITH'],
    ]);
  });

  it('a short form that fits two people is kept apart and reported', () => {
    const text = [
      'PV: Thưa hai ông, dự án bắt đầu từ khi nào?',
      'Ông Nguyễn Văn Hùng: Từ tháng 3, khi vốn được giải ngân.',
      'Ông Trần Văn Hùng: Chúng tôi ký hợp đồng thi công từ tháng 2.',
      'PV: Vốn đã đủ chưa?',
      'Ông Hùng: Đủ cho năm nay.',
      'PV: Cảm ơn hai ông.',
      'Ông Hùng: Cảm ơn anh.',
    ].join('\n\n');
    const { doc, report } = importAgencyText(text);
    expect(doc.participants.map((p) => p.label)).toEqual(['PV', 'Ông Nguyễn Văn Hùng', 'Ông Trần Văn Hùng', 'Ông Hùng']);
    expect(report.findings.map((f) => [f.line, f.kind, f.detail ?? null])).toEqual([
      [3, 'label-once', null],
      [5, 'label-once', null],
      [9, 'label-ambiguous', 'Ông Nguyễn Văn Hùng / Ông Trần Văn Hùng'],
    ]);
  });

  it('Ông and Bà of the same given name are two people', () => {
    const text = ['PV: Ông bà mở quán từ bao giờ?', 'Ông Lê Văn Lan: Từ năm 1995.', 'Bà Lan: Khi đó chúng tôi mới cưới.', 'PV: Quán có đông khách không?', 'Bà Lan: Đông nhất là mùa hè.', 'Ông Lê Văn Lan: Mùa đông thì vắng.'].join('\n\n');
    const { doc } = importAgencyText(text);
    expect(doc.participants.map((p) => p.label)).toEqual(['PV', 'Ông Lê Văn Lan', 'Bà Lan']);
  });

  it('text from a document that is full is left out and reported', () => {
    const text = Array.from({ length: 60_000 }, (_, i) => `Dòng ${i + 1}.`).join('\n\n');
    const { report } = importAgencyText(text);
    expect(report.findings.find((f) => f.kind === 'text-omitted')?.line).toBe(report.omittedFromLine);
  });
});

describe('findings in words, in English and Vietnamese', () => {
  const sample = (kind: ImportFinding['kind']): ImportFinding => ({ kind, line: 12, toLine: 14, text: 'Doe', detail: 'JANE DOE' });

  it.each(IMPORT_FINDING_KINDS)('%s reads in both languages, with its line (or lines)', (kind) => {
    const en = describeImportFinding(sample(kind), 'en');
    const vi = describeImportFinding(sample(kind), 'vi');
    expect(en).toMatch(/^Lines 12–14: \S/);
    expect(vi).toMatch(/^Dòng 12–14: \S/);
    expect(en).not.toBe(vi);
    const one = { ...sample(kind), toLine: undefined };
    expect(describeImportFinding(one, 'en')).toMatch(/^Line 12: \S/);
    expect(describeImportFinding(one, 'vi')).toMatch(/^Dòng 12: \S/);
  });

  it('says what was merged into what', () => {
    const merged: ImportFinding = { kind: 'label-merged', line: 11, text: 'Doe', detail: 'JANE DOE' };
    expect(describeImportFinding(merged, 'en')).toBe('Line 11: "Doe" read as JANE DOE (another form of the same label)');
    expect(describeImportFinding(merged, 'vi')).toBe('Dòng 11: "Doe" được hiểu là JANE DOE (một cách ghi khác của cùng nhãn)');
  });

  it('says how far dropped furniture goes, and cuts long text', () => {
    const dropped: ImportFinding = { kind: 'furniture-dropped', line: 27, toLine: 31, text: `Tin liên quan ${'x'.repeat(200)}` };
    const en = describeImportFinding(dropped, 'en');
    expect(en).toMatch(/^Lines 27–31: left out as page furniture: "Tin liên quan x+…"$/);
    expect(en.length).toBeLessThan(140);
  });
});

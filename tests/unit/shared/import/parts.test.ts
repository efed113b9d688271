/**
 * The importer's parts on their own, each on the cases that decide it: label shapes, names and
 * their forms, the language of a text, misdecoded UTF-8, datelines, credits, page furniture.
 */
import { describe, expect, it } from 'vitest';
import { parseDateline } from '../../../../shared/import/dateline';
import { repairMisdecoded } from '../../../../shared/import/encoding';
import { splitAtFormerBreaks } from '../../../../shared/import/flatten';
import { isDateLine } from '../../../../shared/import/furniture';
import { findAliases } from '../../../../shared/import/labels/aliases';
import { parseLabelName } from '../../../../shared/import/labels/names';
import { isInterviewerLabel } from '../../../../shared/import/labels/roles';
import { labelAtLineStart, labelsInsideLine } from '../../../../shared/import/labels/shape';
import { detectLanguage } from '../../../../shared/import/language';
import { prepareLines } from '../../../../shared/import/lines';
import { captionWithCredit, creditLine } from '../../../../shared/import/photos';

describe('label shapes', () => {
  it('a colon with no space after it, before a capital or a quote', () => {
    expect(labelAtLineStart('VTV:Thưa ông, vì sao?')).toMatchObject({ label: 'VTV', matched: 'VTV:', rest: 'Thưa ông, vì sao?' });
    expect(labelAtLineStart('Alan McKay:"Thirty years."')?.label).toBe('Alan McKay');
    // A URL, a time, a lower-case word after the colon: no label.
    expect(labelAtLineStart('http://example.com/phong-van')).toBeNull();
    expect(labelAtLineStart('Email:info@example.com')).toBeNull();
  });

  it('descriptions after commas at a line start, not inside a line', () => {
    expect(labelAtLineStart('– Lê Thị Hoa, 45 tuổi: Tôi lo lắm.')).toMatchObject({ bullet: '–', label: 'Lê Thị Hoa, 45 tuổi' });
    expect(labelAtLineStart('JOHN SMITH, KXYZ: Nine days in?')?.label).toBe('JOHN SMITH, KXYZ');
    expect(labelsInsideLine('Họ nói vậy. Theo ông, nay: thế nào')).toEqual([]);
  });

  it('a caption run into the reporter’s label is not one label', () => {
    expect(labelAtLineStart('Ông A tại Hà Nội PV: Khi nào xong?')).toBeNull();
  });

  it('labels inside a flattened line, after a sentence but not after an abbreviation', () => {
    expect(labelsInsideLine('Câu hỏi? * Bà Lan: Trả lời. PV: Tiếp?').map((l) => l.label)).toEqual(['Bà Lan', 'PV']);
    expect(labelsInsideLine('We met Dr. Reed: he said no.')).toEqual([]);
  });
});

describe('names in labels', () => {
  it.each([
    ['Phó Giáo sư, tiến sĩ Trần Văn Minh', 'Trần Văn Minh', 'Phó Giáo sư, tiến sĩ'],
    ['Lê Thị Hoa, 45 tuổi, tiểu thương chợ Bà Chiểu', 'Lê Thị Hoa', '45 tuổi, tiểu thương chợ Bà Chiểu'],
    ['Bộ trưởng Bộ Y tế Đào Hồng Lan', 'Đào Hồng Lan', 'Bộ trưởng Bộ Y tế'],
    ['JOHN SMITH, KXYZ', 'John Smith', 'KXYZ'],
    ['Minh Anh – RFA', 'Minh Anh', 'RFA'],
    ['Ông Phạm Văn Thành', 'Phạm Văn Thành', ''],
    ['Giáo viên (GV)', '', 'Giáo viên'],
  ])('%s → %s (%s)', (label, name, title) => {
    expect(parseLabelName(label)).toMatchObject({ name, title });
  });

  const entry = (label: string, first: number, strong = true) => ({ key: label.toLowerCase(), label, first, strong, colon: true });
  const links = (...labels: string[]) => findAliases(labels.map((l, i) => entry(l, i))).links.map((l) => [l.from, l.into, l.kind]);

  it('short and long forms of one person', () => {
    expect(links('JANE DOE', 'Doe')).toEqual([['doe', 'jane doe', 'name']]);
    expect(links('Journalist Mai Lan', 'Mai Lan')).toEqual([['mai lan', 'journalist mai lan', 'name']]);
    expect(links('Đại sứ Nguyễn Văn Hùng', 'Ông Hùng')).toEqual([['ông hùng', 'đại sứ nguyễn văn hùng', 'name']]);
    expect(links('Giáo viên (GV)', 'GV')).toEqual([['gv', 'giáo viên (gv)', 'abbreviation']]);
    expect(links('CYNTHIA SMITH', 'CS')).toEqual([['cs', 'cynthia smith', 'initials']]);
    // In English a Vietnamese name is shortened to its family name, which comes first.
    expect(links('Tran Van Long', 'Mr. Tran')).toEqual([['mr. tran', 'tran van long', 'name']]);
  });

  it('never merges two people', () => {
    // Two people whose names end alike; Ông and Bà; a reporter and a titled guest.
    expect(findAliases(['Ông Nguyễn Văn Hùng', 'Ông Trần Văn Hùng', 'Ông Hùng'].map((l, i) => entry(l, i))).ambiguous.get('ông hùng')).toEqual(['Ông Nguyễn Văn Hùng', 'Ông Trần Văn Hùng']);
    expect(links('Ông Lê Văn Lan', 'Bà Lan')).toEqual([]);
    expect(findAliases(['Tran Van Long', 'Tran Thi Mai', 'Mr. Tran'].map((l, i) => entry(l, i))).ambiguous.get('mr. tran')).toEqual(['Tran Van Long', 'Tran Thi Mai']);
    // A bare word is no family name: only after an honorific or a title.
    expect(links('Tran Van Long', 'Tran')).toEqual([]);
    expect(links('Bà Nguyễn Thị Lan', 'Phóng viên Lan')).toEqual([]);
  });

  it('reporters and outlets, by name or after a dash, a comma or in parentheses', () => {
    for (const label of ['Thông tấn xã Việt Nam', 'TTXVN', 'Minh Anh – RFA', 'JOHN SMITH, KXYZ', 'Phóng viên (Reuters)', 'Journalist Mai Lan']) expect(isInterviewerLabel(label), label).toBe(true);
    for (const label of ['Ông A, Đài Loan', 'MARIA ALVAREZ, ILWU Local 10', 'WHO']) expect(isInterviewerLabel(label), label).toBe(false);
  });
});

describe('the language of a text', () => {
  const lang = (text: string) => detectLanguage(prepareLines(text)).language;

  it('is read from the text as a whole, not from names or a line of chrome', () => {
    expect(lang('Reporter: Why did Nguyễn Thị Hạnh come back to Huế?\nNguyễn Thị Hạnh: Because the recipes were dying.\nXem thêm: Ẩm thực Huế')).toBe('en');
    expect(lang('Share on Facebook\nPV: Vì sao chị chọn Berlin?\nĐặng Thu Trang: Vì người Berlin uống cà phê rất nhiều.')).toBe('vi');
  });

  it('Vietnamese that lost its diacritics is still Vietnamese', () => {
    expect(lang('Phong vien: Du an cua xa bat dau khi nao?\nOng Binh: Tu thang 3 nam ngoai, voi su ho tro cua tinh.')).toBe('vi');
  });
});

describe('damaged text', () => {
  it('UTF-8 read as Windows-1252 is read again', () => {
    // As a browser decodes Windows-1252 (0x94 is ”) and as Latin-1 does (0x94 is U+0094).
    expect(repairMisdecoded('PhÃ³ng viÃªn: Ã”ng cÃ³ biáº¿t khÃ´ng?')).toBe('Phóng viên: Ông có biết không?');
    expect(repairMisdecoded('Ã\u0094ng cÃ³ biáº¿t')).toBe('Ông có biết');
    expect(repairMisdecoded('VÅ© Ä\u0090á»©c Háº£i')).toBe('Vũ Đức Hải');
  });

  it('text that is not misdecoded, or not repairable, is left alone', () => {
    expect(repairMisdecoded('Phóng viên: Ông có khỏe không?')).toBeNull();
    expect(repairMisdecoded('Ã© mixed with ộ')).toBeNull();
  });

  it('a flattened line is split where its breaks were, not at every no-break space', () => {
    const nbsp = '\u00A0';
    const line = `Chợ nổi Cái Răng giữ nghề xưa${nbsp}Chợ vẫn nhộn nhịp mỗi sáng, dù ghe thuyền đã thưa dần so với mười năm trước, khi cả khúc sông kín ghe.${nbsp}Cần Thơ (TTXVN) – Phóng viên TTXVN trò chuyện với bà Út, người có hơn ba mươi năm buôn bán trên sông.${nbsp}PV: Bà bắt đầu từ khi nào?${nbsp}Bà Út: Từ năm 1990, khi tôi mới lấy chồng và chuyển về đây.`;
    expect(splitAtFormerBreaks(line)).toEqual([
      'Chợ nổi Cái Răng giữ nghề xưa',
      'Chợ vẫn nhộn nhịp mỗi sáng, dù ghe thuyền đã thưa dần so với mười năm trước, khi cả khúc sông kín ghe.',
      'Cần Thơ (TTXVN) – Phóng viên TTXVN trò chuyện với bà Út, người có hơn ba mươi năm buôn bán trên sông.',
      'PV: Bà bắt đầu từ khi nào?',
      'Bà Út: Từ năm 1990, khi tôi mới lấy chồng và chuyển về đây.',
    ]);
    expect(splitAtFormerBreaks(`Ông${nbsp}Út nói: giá 10${nbsp}000 đồng.`)).toBeNull();
  });
});

describe('datelines, credits and furniture', () => {
  it('a dateline gives the source and the place as printed', () => {
    expect(parseDateline('WASHINGTON (Reuters) - Vietnam’s envoy said')).toEqual({ source: 'Reuters', location: 'WASHINGTON', alone: false });
    expect(parseDateline('Hà Nội, 12/5 (TTXVN) - Chiều nay')).toEqual({ source: 'TTXVN', location: 'Hà Nội', alone: false });
    expect(parseDateline('TTXVN - Những năm gần đây')).toEqual({ source: 'TTXVN', location: '', alone: false });
    expect(parseDateline('HÀ NỘI (TTXVN) –')).toEqual({ source: 'TTXVN', location: 'HÀ NỘI', alone: true });
    expect(parseDateline('Ông A - Giám đốc Sở cho biết')).toBeNull();
  });

  it('a credit names someone; a teaser is not a credit', () => {
    expect(creditLine('Ảnh: TTXVN phát')).toBe('TTXVN phát');
    expect(creditLine('Ảnh: Bộ Xây dựng cung cấp')).toBe('Bộ Xây dựng cung cấp');
    expect(creditLine('Photo: Ten things to eat in Hanoi this weekend')).toBeNull();
    expect(captionWithCredit('Ông Thanh phát biểu tại Hà Nội. Ảnh: Minh Đức')).toEqual({ caption: 'Ông Thanh phát biểu tại Hà Nội.', credit: 'Minh Đức' });
    expect(captionWithCredit('| Công nhân lắp tấm pin. (Ảnh: Lê Văn Bình) |')).toEqual({ caption: 'Công nhân lắp tấm pin.', credit: 'Lê Văn Bình' });
    expect(captionWithCredit('Nông dân nói: Ảnh hưởng của mặn rất lớn')).toBeNull();
  });

  it('a date line is furniture, a heading with a number is not', () => {
    for (const d of ['Thứ Hai, 12/5/2025 - 08:30', 'May 12, 2025', 'Updated 12 May 2025', '12/05/2025 09:15 GMT+7', 'Cập nhật: 08:30 12/5/2025']) expect(isDateLine(d), d).toBe(true);
    for (const d of ['Hà Nội, 12/5', 'Top 10 quán phở', 'Năm 2025 có gì mới?']) expect(isDateLine(d), d).toBe(false);
  });
});

/**
 * The agency plain-text importer, on an agency-style interview written for the tests
 * (tests/fixtures/agency-interview.txt), on the real seed article where it is present, and on
 * hand-written fixtures in each convention real articles use (tests/fixtures/import/).
 * Expected values are read off the texts by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportAgencyText } from '../../../../shared/export/agency-text';
import { importAgencyText, type ImportResult } from '../../../../shared/import/agency-text';
import { normalizeInterview } from '../../../../shared/model/normalize';
import type { Block, Interview, Photo, Turn } from '../../../../shared/model/schema';
import { validateInterview } from '../../../../shared/model/validate';

import { fixtureInterviewText, realSeedText } from '../../../helpers/material';
import { itNeeds } from '../../../helpers/it-needs';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url), 'utf8');

const turns = (doc: Interview) => doc.body.filter((b): b is Turn => b.type === 'turn');
const allPhotos = (doc: Interview) => doc.body.flatMap((b): Photo[] => (b.type === 'photo' ? [b] : b.type === 'turn' ? b.children.filter((c): c is Photo => c.type === 'photo') : []));
const text = (b: Block | Turn['children'][number]) => (b.type === 'paragraph' ? b.children.map((l) => l.text).join('') : b.type === 'photo' ? `[photo: ${b.caption} | ${b.credit}]` : '');
const labelOf = (doc: Interview, t: Turn) => doc.participants.find((p) => p.id === t.speakerId)!.label;
/** The speaker label of each turn, in order. */
const speakerSequence = (doc: Interview) => turns(doc).map((t) => labelOf(doc, t));
/** Each turn as its paragraphs' and photos' texts. */
const turnTexts = (doc: Interview) => turns(doc).map((t) => t.children.map(text));

function expectValid(result: ImportResult) {
  const checked = validateInterview(normalizeInterview(result.doc));
  expect(checked.ok, JSON.stringify(checked)).toBe(true);
}

describe('importing an agency article (the fixture interview)', () => {
  const { doc, meta, report } = importAgencyText(fixtureInterviewText(), { id: 'seed' });

  it('finds the 9 turns, alternating reporter and interviewee, with the line and label of each', () => {
    const R = 'Phóng viên';
    const H = 'Ông Phạm Văn Thành';
    expect(speakerSequence(doc)).toEqual([R, H, R, H, R, H, R, H, R]);
    expect(report.turns.map((t) => [t.line, t.matched])).toEqual([
      [14, '* Phóng viên:'],
      [16, '* Ông Phạm Văn Thành:'],
      [25, '* Phóng viên:'],
      [27, '* Ông Phạm Văn Thành:'],
      [31, '* Phóng viên:'],
      [33, '* Ông Phạm Văn Thành:'],
      [40, '* Phóng viên:'],
      [42, '* Ông Phạm Văn Thành:'],
      [46, '* Phóng viên:'],
    ]);
    expect(report.unplaced).toEqual([]);
  });

  it('makes the reporter the interviewer and the interviewee a person named without the honorific', () => {
    expect(doc.participants).toEqual([
      { id: 'p1', label: 'Phóng viên', fullName: '', title: '', role: 'interviewer' },
      { id: 'p2', label: 'Ông Phạm Văn Thành', fullName: 'Phạm Văn Thành', title: '', role: 'interviewee' },
    ]);
    expect(report.speakers).toEqual([
      { id: 'p1', label: 'Phóng viên', role: 'interviewer', evidence: 'known', turns: 5 },
      { id: 'p2', label: 'Ông Phạm Văn Thành', role: 'interviewee', evidence: 'repeated', turns: 4 },
    ]);
  });

  it('reads the header, the dateline source and the byline into the metadata', () => {
    expect(meta).toEqual({
      section: 'Nông nghiệp - Nông thôn',
      headline: 'Quảng Ngãi: Đưa nước sạch về các xã vùng cao, vượt mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh đề ra',
      location: 'Quảng Ngãi',
      sapo: 'Các cấp ủy, chính quyền tỉnh Quảng Ngãi đã tập trung nguồn lực đầu tư công trình cấp nước tập trung, sửa chữa hồ chứa và kênh mương, giúp người dân các xã vùng cao có nước sạch sinh hoạt và nước tưới cho cây trồng ngay trong mùa khô.',
      source: 'TTXVN',
      byline: 'Minh Trang',
    });
    expect(doc.meta.language).toBe('vi');
  });

  it('puts the lead photo first, then the intro as written, then the turns', () => {
    expect(doc.body[0]).toEqual({
      type: 'photo',
      assetId: null,
      caption: 'Ông Phạm Văn Thành - Phó Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi trao đổi với phóng viên.',
      credit: 'Văn Thành/TTXVN',
      alt: '',
      children: [{ text: '' }],
    });
    expect(text(doc.body[1]!)).toMatch(/^TTXVN - Những năm gần đây, tỉnh Quảng Ngãi dành nhiều nguồn vốn/);
    expect(doc.body.slice(2).every((b) => b.type === 'turn')).toBe(true);
  });

  it('has 3 photos; one stays inside an answer, which continues after it with no label', () => {
    expect(allPhotos(doc)).toHaveLength(3);
    expect(report.photos).toBe(3);
    const [, firstAnswer] = turnTexts(doc);
    expect(firstAnswer).toHaveLength(4);
    expect(firstAnswer![0]).toMatch(/^Toàn tỉnh hiện có 214 công trình cấp nước tập trung/);
    expect(firstAnswer![1]).toMatch(/^Để có kết quả này, Ban Thường vụ Tỉnh ủy/);
    expect(firstAnswer![2]).toBe('[photo: Người dân xã Sơn Bao (huyện Sơn Hà) lấy nước từ công trình cấp nước tập trung mới hoàn thành. | TTXVN phát]');
    expect(firstAnswer![3]).toMatch(/^Theo kế hoạch, đến cuối năm 2025/);
    expect(turnTexts(doc)[5]![1]).toMatch(/^\[photo: Hồ chứa nước Núi Ngang \(huyện Ba Tơ\)/);
    expect(turnTexts(doc)[8]).toEqual(['Trân trọng cảm ơn ông!']);
  });

  it('keeps the text exactly, including its one misplaced tone mark, and drops the web chrome', () => {
    expect(turnTexts(doc)[3]![0]).toContain('Kết quả khaỏ sát của Sở Nông nghiệp');
    expect(report.webChromeFromLine).toBe(50);
    expect(JSON.stringify(doc)).not.toMatch(/Tin liên quan|Xem thêm/);
  });

  it('gives a document that passes validation after normalisation', () => {
    expectValid({ doc, meta, report });
  });

  it('reads decomposed (NFD) text as the same document with the same speakers', () => {
    const nfd = importAgencyText(fixtureInterviewText().normalize('NFD'), { id: 'seed' });
    expect(nfd.doc).toEqual(doc);
    expect(nfd.report).toEqual(report);
  });

  it('reads Windows line endings, control characters and zero-width spaces the same way', () => {
    const messy = fixtureInterviewText()
      .replace(/\n/g, '\r\n')
      .replace('* Ông Phạm Văn Thành: Toàn tỉnh', '* Ông Phạm\u200B Văn Thành:\u00A0Toàn\u0007 tỉnh')
      .replace('* Phóng viên: Xin ông', '*\u00A0Phóng viên\u00A0:\u2060 Xin ông');
    expect(importAgencyText(messy, { id: 'seed' }).doc).toEqual(doc);
  });
});

describe('importing the real seed article', () => {
  const seed = itNeeds('seed');

  seed('finds its 9 turns on the lines they start, its 3 photos and its metadata', () => {
    const { doc, meta, report } = importAgencyText(realSeedText(), { id: 'seed' });
    const R = 'Phóng viên';
    const H = 'Ông Nguyễn Thanh Hải';
    expect(speakerSequence(doc)).toEqual([R, H, R, H, R, H, R, H, R]);
    expect(report.turns.map((t) => t.line)).toEqual([14, 16, 25, 27, 31, 33, 42, 44, 50]);
    expect(report.unplaced).toEqual([]);
    expect(allPhotos(doc)).toHaveLength(3);
    expect(turnTexts(doc)[1]![2]).toMatch(/^\[photo: Đảng viên Nguyễn Ngọc Hải .* \| TTXVN phát\]$/);
    expect(meta).toEqual(expect.objectContaining({ section: 'Xây dựng Đảng', location: 'Long An', source: 'TTXVN', byline: 'Thanh Bình' }));
    expect(doc.participants.map((p) => [p.label, p.fullName, p.role])).toEqual([
      ['Phóng viên', '', 'interviewer'],
      ['Ông Nguyễn Thanh Hải', 'Nguyễn Thanh Hải', 'interviewee'],
    ]);
  });

  seed('keeps the agency’s own defect (`lãnh đaọ`), drops the web chrome, and validates', () => {
    const result = importAgencyText(realSeedText(), { id: 'seed' });
    expect(turnTexts(result.doc)[1]![1]).toContain('đã tập trung lãnh đaọ, thực hiện');
    expect(result.report.webChromeFromLine).toBe(54);
    expectValid(result);
  });

  seed('reads decomposed (NFD) text as the same document', () => {
    expect(importAgencyText(realSeedText().normalize('NFD'), { id: 'seed' }).doc).toEqual(importAgencyText(realSeedText(), { id: 'seed' }).doc);
  });
});

describe('importing the conventions real articles use', () => {
  it('`Phóng viên:` without bullets; sentences with a colon inside answers are not turns', () => {
    const result = importAgencyText(fixture('vi-phong-vien-colon.txt'));
    const { doc, meta } = result;
    expect(speakerSequence(doc)).toEqual(['Phóng viên', 'Bà Lê Thị Hồng Vân', 'Phóng viên', 'Bà Lê Thị Hồng Vân', 'Phóng viên']);
    expect(turnTexts(doc)[1]).toEqual([
      'Năm nay thành phố mở thêm ba tuyến phố đi bộ ven sông và hai chợ đêm.',
      'Kết quả bước đầu như sau: lượng khách lưu trú qua đêm tăng gần 20% so với cùng kỳ.',
    ]);
    expect(turnTexts(doc)[3]![1]).toBe('Bà Vân nhấn mạnh: thành phố sẽ hỗ trợ doanh nghiệp đào tạo lại người lao động.');
    expect(meta.headline).toBe('Đà Nẵng: Du lịch đêm mở hướng tăng trưởng mới');
    expect(meta.source).toBe('TTXVN');
    expect(meta.byline).toBe('Minh Quân');
    expect(doc.participants[1]).toMatchObject({ fullName: 'Lê Thị Hồng Vân', role: 'interviewee' });
    expectValid(result);
  });

  it('`PV:` with a no-break space after the colon; captions `(Ảnh: X)` and `Ảnh: X/TTXVN`', () => {
    const result = importAgencyText(fixture('vi-pv-nbsp.txt'));
    const { doc, meta, report } = result;
    expect(speakerSequence(doc)).toEqual(['PV', 'Ông Phan Văn Đức', 'PV', 'Ông Phan Văn Đức', 'PV']);
    expect(turnTexts(doc)[0]).toEqual(['Thưa ông, bệnh án điện tử đã giúp gì cho người bệnh?']);
    expect(turnTexts(doc)[1]).toEqual([
      'Người bệnh không còn phải mang theo sổ giấy, kết quả xét nghiệm được gửi thẳng tới bác sĩ.',
      '[photo: Bác sĩ Đức kiểm tra hồ sơ trên máy tính bảng. | Thu Hà/TTXVN]',
      'Thời gian chờ khám trung bình đã giảm từ hai giờ xuống còn bốn mươi phút.',
    ]);
    expect(turnTexts(doc)[3]![1]).toBe('[photo: Phòng lưu trữ hồ sơ giấy cũ của bệnh viện. | Thu Hà/TTXVN]');
    expect(report.photos).toBe(2);
    expect(meta).toMatchObject({ section: 'Y tế', location: 'Cần Thơ', source: 'TTXVN', byline: 'Thu Hà' });
    expect(text(doc.body[0]!)).toMatch(/^Cần Thơ, 14\/3 \(TTXVN\) - Về chuyển đổi số/);
    expectValid(result);
  });

  it('`Q:`/`A:` in English, with a `Photo:` credit and an `(VNA) –` dateline', () => {
    const result = importAgencyText(fixture('en-qa.txt'));
    const { doc, meta } = result;
    expect(doc.meta.language).toBe('en');
    expect(speakerSequence(doc)).toEqual(['Q', 'A', 'Q', 'A', 'Q']);
    expect(doc.participants.map((p) => p.role)).toEqual(['interviewer', 'interviewee']);
    expect(turnTexts(doc)[1]).toEqual([
      'In March we measured four grams per litre forty kilometres from the coast. Ten years ago that would have been unthinkable.',
      '[photo: Farmers test the water in a canal before opening the sluice gate. | Minh Tran]',
      'Most families now check the canals every morning before they irrigate.',
    ]);
    expect(meta).toEqual({
      section: 'Environment',
      headline: 'Mekong farmers switch to salt-tolerant rice',
      location: 'Can Tho',
      sapo: 'Growers in the delta are planting new rice varieties as seawater pushes further inland every dry season.',
      source: 'VNA',
      byline: 'Hai Nguyen',
    });
    expectValid(result);
  });

  it('names in capitals, the outlet as interviewer, hard-wrapped lines and `Read more` chrome', () => {
    const result = importAgencyText(fixture('en-caps-bbc.txt'));
    const { doc, report } = result;
    expect(speakerSequence(doc)).toEqual(['BBC', 'GEORGE SMITH', 'BBC', 'GEORGE SMITH', 'BBC', 'GEORGE SMITH']);
    expect(doc.participants).toEqual([
      { id: 'p1', label: 'BBC', fullName: '', title: '', role: 'interviewer' },
      { id: 'p2', label: 'GEORGE SMITH', fullName: 'George Smith', title: '', role: 'interviewee' },
    ]);
    expect(turnTexts(doc)[0]).toEqual(['You have been mayor for six years. What was the hardest decision you made in that time?']);
    expect(turnTexts(doc)[3]).toEqual([
      'The air is cleaner, the market is busier and nobody has asked to bring the lorries back. I would call that worth it.',
      '[photo: The new pedestrian quay on the first Saturday after the harbour closed to traffic. | Anna Berg]',
    ]);
    expect(turnTexts(doc)[5]).toEqual(['A ferry to the islands, if the funding holds. We expect a decision in the autumn.']);
    expect(report.webChromeFromLine).toBe(22);
    expect(JSON.stringify(doc)).not.toContain('Harbour traffic falls');
    expectValid(result);
  });

  it('a full label first and a short one later is one person: `CYNTHIA SMITH:` then `CS:`', () => {
    const result = importAgencyText(fixture('en-short-forms.txt'));
    const { doc, report } = result;
    expect(speakerSequence(doc)).toEqual(['VOA', 'CYNTHIA SMITH', 'VOA', 'CYNTHIA SMITH', 'CYNTHIA SMITH', 'VOA', 'CYNTHIA SMITH']);
    expect(report.turns.map((t) => t.label)).toEqual(['VOA', 'CYNTHIA SMITH', 'VOA', 'CS', 'CS', 'VOA', 'CS']);
    expect(doc.participants).toHaveLength(2);
    expect(report.speakers[1]).toMatchObject({ label: 'CYNTHIA SMITH', evidence: 'alias', turns: 4 });
    expectValid(result);
  });

  it('`Hoàng Anh Tuấn (HAT):` then `HAT:`, with dash bullets `- ` and `– `', () => {
    const result = importAgencyText(fixture('vi-short-forms.txt'));
    const { doc, report } = result;
    expect(speakerSequence(doc)).toEqual(['Phóng viên', 'Hoàng Anh Tuấn', 'Phóng viên', 'Hoàng Anh Tuấn', 'Phóng viên', 'Hoàng Anh Tuấn']);
    expect(doc.participants[1]).toEqual({ id: 'p2', label: 'Hoàng Anh Tuấn', fullName: 'Hoàng Anh Tuấn', title: '', role: 'interviewee' });
    expect(report.turns.map((t) => t.matched)).toEqual(['- Phóng viên:', '- Hoàng Anh Tuấn (HAT):', '- Phóng viên:', '- HAT:', '– Phóng viên:', '– HAT:']);
    expect(turnTexts(doc)[5]).toEqual(['Hãy đọc thật nhiều và học ngoại ngữ thật chắc.']);
    expectValid(result);
  });

  it('`Name - ` with a hyphen instead of a colon', () => {
    const result = importAgencyText(fixture('en-name-hyphen.txt'));
    const { doc } = result;
    expect(speakerSequence(doc)).toEqual(['Reporter', 'Dr. Alan Reed', 'Reporter', 'Dr. Alan Reed', 'Reporter', 'Dr. Alan Reed']);
    expect(doc.participants[1]).toMatchObject({ fullName: 'Alan Reed', role: 'interviewee' });
    expect(turnTexts(doc)[3]).toEqual(['Only six. We had them recast in the same alloy, in a foundry in the north.']);
    expectValid(result);
  });

  it('a press conference: several reporters, a spokeswoman, and an official who answers once', () => {
    const result = importAgencyText(fixture('vi-press-conference.txt'));
    const { doc, report, meta } = result;
    expect(doc.participants).toEqual([
      { id: 'p1', label: 'Phóng viên báo Tuổi Trẻ', fullName: '', title: '', role: 'interviewer' },
      { id: 'p2', label: 'Người phát ngôn Trần Thu Trang', fullName: 'Trần Thu Trang', title: 'Người phát ngôn', role: 'interviewee' },
      { id: 'p3', label: 'Phóng viên Reuters', fullName: '', title: '', role: 'interviewer' },
      { id: 'p4', label: 'Thứ trưởng Lê Văn Thành', fullName: 'Lê Văn Thành', title: 'Thứ trưởng', role: 'interviewee' },
      { id: 'p5', label: 'Phóng viên TTXVN', fullName: '', title: '', role: 'interviewer' },
    ]);
    expect(report.speakers.map((s) => s.evidence)).toEqual(['known', 'repeated', 'known', 'bullet', 'known']);
    expect(speakerSequence(doc)).toHaveLength(6);
    expect(meta.byline).toBe('Minh Trang - Hoài Nam');
    expectValid(result);
  });

  it('a panel of more than two speakers in capitals', () => {
    const result = importAgencyText(fixture('en-panel.txt'));
    const { doc } = result;
    expect(doc.participants.map((p) => [p.label, p.role])).toEqual([
      ['MODERATOR', 'interviewer'],
      ['ANA SOUZA', 'interviewee'],
      ['TOM BRANDT', 'interviewee'],
      ['MEI LIN', 'interviewee'],
    ]);
    expect(speakerSequence(doc).slice(-3)).toEqual(['ANA SOUZA', 'TOM BRANDT', 'MEI LIN']);
    expect(turnTexts(doc).slice(-3)).toEqual([['Longer opening hours.'], ["A second children's room."], ['A second bus.']]);
    expectValid(result);
  });

  it('turns flattened onto one line are split at their labels', () => {
    const result = importAgencyText(fixture('vi-flattened.txt'));
    const { doc, report, meta } = result;
    expect(speakerSequence(doc)).toEqual(['Phóng viên', 'Bà Nguyễn Thị Lan', 'Phóng viên', 'Bà Nguyễn Thị Lan', 'Phóng viên']);
    expect(text(doc.body[0]!)).toBe('TTXVN - Phóng viên TTXVN trò chuyện với bà Nguyễn Thị Lan, Giám đốc hợp tác xã.');
    expect(turnTexts(doc)[1]).toEqual(['Nấm không cần nhiều đất, lại thu hoạch quanh năm. Mỗi tháng một hộ có thể có thêm vài triệu đồng.']);
    expect(turnTexts(doc)[4]).toEqual(['Cảm ơn bà!']);
    expect(report.turns.every((t) => t.line === 9)).toBe(true);
    expect(meta.byline).toBe('Hồng Nhung');
    expectValid(result);
  });

  it('one paragraph per line with no blank lines between them', () => {
    const result = importAgencyText(fixture('en-no-blank-lines.txt'));
    const { doc } = result;
    expect(speakerSequence(doc)).toEqual(['Interviewer', 'Maria Keller', 'Interviewer', 'Maria Keller', 'Interviewer']);
    expect(turnTexts(doc)[1]).toEqual(['In 2009, with eight singers from the hospital staff.', 'We rehearsed in the canteen after the late shift.']);
    expectValid(result);
  });

  it('hard-wrapped lines are rejoined into paragraphs, captions included', () => {
    const result = importAgencyText(fixture('vi-hard-wrapped.txt'));
    const { doc, meta } = result;
    expect(meta.sapo).toBe('Hơn mười năm qua, thầy Vàng Seo Páo mang sách đến các điểm trường xa nhất của huyện bằng ngựa thồ.');
    expect(speakerSequence(doc)).toEqual(['Phóng viên', 'Thầy Vàng Seo Páo', 'Phóng viên', 'Thầy Vàng Seo Páo', 'Phóng viên']);
    expect(turnTexts(doc)[1]).toEqual([
      'Nhiều điểm trường không có đường cho xe máy, chỉ có ngựa đi được. Các em ở đó gần như chưa bao giờ được cầm một cuốn truyện tranh.',
      '[photo: Thầy Páo cùng học trò xếp sách lên lưng ngựa trước giờ lên đường tới điểm trường Lũng Pù. | Đức Thọ/TTXVN]',
      'Mỗi chuyến đi thường mất hai ngày, tôi mang theo khoảng ba trăm cuốn sách và đổi sách cũ lấy sách mới ở mỗi điểm trường.',
    ]);
    expect(doc.participants[1]).toMatchObject({ fullName: 'Vàng Seo Páo' });
    expect(meta.byline).toBe('Đức Thọ');
    expectValid(result);
  });

  it('an answer given once right after a question; doubtful lines are reported', () => {
    const result = importAgencyText(fixture('vi-one-answer.txt'));
    const { doc, report } = result;
    expect(speakerSequence(doc)).toEqual(['PV', 'Ông Trần Văn Bình', 'PV']);
    expect(report.speakers.map((s) => s.evidence)).toEqual(['known', 'answers-question']);
    expect(turnTexts(doc)[1]).toEqual([
      'Thành phố đã khởi công tám dự án, trong đó có ba dự án sắp bàn giao.',
      'Hà Nội: năm dự án, Hải Phòng: ba dự án là hai địa phương dẫn đầu khu vực phía Bắc.',
      '[photo:  | Bộ Xây dựng cung cấp]',
    ]);
    expect(report.unplaced).toEqual([
      { line: 5, text: 'Hà Nội: năm dự án, Hải Phòng: ba dự án là hai địa phương dẫn đầu khu vực phía Bắc.', reason: 'unproven-label' },
      { line: 7, text: 'Ảnh: Bộ Xây dựng cung cấp', reason: 'credit-without-caption' },
    ]);
    expectValid(result);
  });

  it('ordinary sentences with a colon are not turns: a news story has none', () => {
    const result = importAgencyText(fixture('vi-ordinary-colons.txt'));
    expect(result.report.turns).toEqual([]);
    expect(result.report.speakers).toEqual([]);
    expect(result.doc.participants).toEqual([]);
    expect(result.doc.body.map(text)).toEqual([
      'Hà Nội: Thêm ba tuyến buýt điện từ tháng 9',
      'Sở Giao thông vận tải cho biết ba tuyến buýt điện mới sẽ chạy từ ngày 1/9.',
      'Lộ trình cụ thể như sau: tuyến thứ nhất đi từ Long Biên đến Mỹ Đình, tuyến thứ hai nối Hà Đông với Gia Lâm.',
      'Giá vé: 7.000 đồng một lượt.',
      'Ghi chú: hành khách có thể dùng thẻ vé tháng hiện hành.',
    ]);
    expectValid(result);
  });

  it('a single `Q:` line without its `A:` is not evidence of an interview', () => {
    expect(importAgencyText('Q: is this a question?\n\nIt is a line in a FAQ.').report.turns).toEqual([]);
  });

  it('an empty or blank text gives an empty, valid document', () => {
    for (const input of ['', '\n\n  \n', '\u200B\u00A0']) {
      const result = importAgencyText(input);
      expect(result.report.turns).toEqual([]);
      expect(result.doc.body).toEqual([{ type: 'paragraph', children: [{ text: '' }] }]);
      expectValid(result);
    }
  });

  it('splits a paragraph longer than the model allows, so the document can still be saved', () => {
    const long = `${'lời '.repeat(40_000)}hết.`;
    const result = importAgencyText(`PV: Hỏi gì?\n\nÔng A: ${long}\n\nPV: Cảm ơn.\n\nÔng A: Không có gì.`);
    expect(turns(result.doc)[1]!.children.length).toBeGreaterThan(1);
    expectValid(result);
  });
});

describe('exporting what was imported, and importing it again', () => {
  const all = [
    'vi-phong-vien-colon.txt', 'vi-pv-nbsp.txt', 'en-qa.txt', 'en-caps-bbc.txt', 'en-short-forms.txt', 'vi-short-forms.txt', 'en-name-hyphen.txt',
    'vi-press-conference.txt', 'en-panel.txt', 'vi-flattened.txt', 'en-no-blank-lines.txt', 'vi-hard-wrapped.txt', 'vi-one-answer.txt', 'vi-ordinary-colons.txt',
  ];
  it.each(all)('%s: the exported text reads back as the same document', (name) => {
    const first = importAgencyText(fixture(name));
    const again = importAgencyText(exportAgencyText(first.doc), { language: first.doc.meta.language });
    expect(again.doc).toEqual(first.doc);
  });
});

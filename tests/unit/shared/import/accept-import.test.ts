/**
 * One way in (shared/import/accept-import.ts): an accepted preview gives the same content whether
 * it becomes a new interview (Import) or fills a new, empty one (paste), for any text and any
 * corrections; and into a document the writer already touched, what they set is kept.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptImport, importedInterview, mergeImportedMeta } from '../../../../shared/import/accept-import';
import { importAgencyText } from '../../../../shared/import/agency-text';
import { applyPreviewEdit, initialDraft, type PreviewEdit } from '../../../../shared/import/preview-edits';
import { admitInterview } from '../../../../shared/model/admit';
import { newInterview } from '../../../../shared/model/factory';
import type { Turn } from '../../../../shared/model/schema';
import { fixtureInterviewText, REPO_ROOT } from '../../../helpers/material';

const englishText = () => readFileSync(resolve(REPO_ROOT, 'tests/fixtures/english-interview.txt'), 'utf8');
const turnSpeakers = (body: readonly { type: string }[]) => body.filter((b): b is Turn => b.type === 'turn').map((t) => t.speakerId);

/** Interview-shaped texts: labelled turns (some labels repeated, some only once), an intro, noise. */
const interviewText = fc
  .record({
    intro: fc.constantFrom('', 'TTXVN - Phóng viên trao đổi với khách mời.', 'HANOI (VNA) – The reporter spoke to a farmer.'),
    labels: fc.uniqueArray(fc.constantFrom('Phóng viên', 'Ông Hải', 'Bà Lan', 'Reporter', 'Dr Pham', 'Q', 'A'), { minLength: 1, maxLength: 4 }),
    turns: fc.array(fc.tuple(fc.nat(), fc.constantFrom('Thưa ông, năm nay thế nào?', 'Năm nay được mùa.', 'How was the year?', 'Good, thank you.', '', 'Long An: mưa nhiều.')), { minLength: 1, maxLength: 12 }),
  })
  .map(({ intro, labels, turns }) => [intro, ...turns.map(([who, words]) => `* ${labels[who % labels.length]}: ${words}`)].join('\n\n'));

const edit: fc.Arbitrary<PreviewEdit> = fc.oneof(
  fc.record({ type: fc.constant('turnSpeaker' as const), turn: fc.nat({ max: 12 }), speakerId: fc.constantFrom('p1', 'p2', 'p3') }),
  fc.record({ type: fc.constant('merge' as const), from: fc.constantFrom('p1', 'p2', 'p3'), into: fc.constantFrom('p1', 'p2', 'p3') }),
  fc.record({ type: fc.constant('label' as const), speakerId: fc.constantFrom('p1', 'p2', 'p3'), label: fc.constantFrom('Ông Hải', 'PV', 'Bà Lan ') }),
);

describe('Import and paste make the same interview', () => {
  it('for any text and corrections, a new empty interview (either language) gets exactly what Import makes', () => {
    fc.assert(
      fc.property(interviewText, fc.array(edit, { maxLength: 6 }), fc.constantFrom('vi' as const, 'en' as const), (text, edits, screenLanguage) => {
        const result = importAgencyText(text);
        const draft = edits.reduce(applyPreviewEdit, initialDraft(result));
        const fresh = newInterview('doc-1', screenLanguage);
        const imported = importedInterview(result, draft);
        const pasted = acceptImport(result, draft, { meta: fresh.meta, participants: fresh.participants });
        expect(pasted).toEqual({ meta: imported.meta, participants: imported.participants, body: imported.body });
        // And it is a document the library admits as it is.
        const admitted = admitInterview(imported);
        expect(admitted.ok).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('the agency article: its language, dateline source, header and speakers, not the defaults', () => {
    const result = importAgencyText(fixtureInterviewText());
    const fresh = newInterview('doc-1', 'en');
    const content = acceptImport(result, initialDraft(result), { meta: fresh.meta, participants: fresh.participants });
    expect(content.meta).toEqual({
      ...fresh.meta,
      language: 'vi',
      source: 'TTXVN',
      section: 'Nông nghiệp - Nông thôn',
      headline: 'Quảng Ngãi: Đưa nước sạch về các xã vùng cao, vượt mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh đề ra',
      location: 'Quảng Ngãi',
      sapo: 'Các cấp ủy, chính quyền tỉnh Quảng Ngãi đã tập trung nguồn lực đầu tư công trình cấp nước tập trung, sửa chữa hồ chứa và kênh mương, giúp người dân các xã vùng cao có nước sạch sinh hoạt và nước tưới cho cây trồng ngay trong mùa khô.',
      byline: 'Minh Trang',
    });
    expect(content.participants).toEqual([
      { id: 'p1', label: 'Phóng viên', fullName: '', title: '', role: 'interviewer' },
      { id: 'p2', label: 'Ông Phạm Văn Thành', fullName: 'Phạm Văn Thành', title: '', role: 'interviewee' },
    ]);
    expect(turnSpeakers(content.body)).toEqual(['p1', 'p2', 'p1', 'p2', 'p1', 'p2', 'p1', 'p2', 'p1']);
  });

  it('an English interview pasted where the screen is Vietnamese is English', () => {
    const result = importAgencyText(englishText());
    const fresh = newInterview('doc-1', 'vi');
    const content = acceptImport(result, initialDraft(result), { meta: fresh.meta, participants: fresh.participants });
    expect(content.meta.language).toBe('en');
    expect(content.meta.location).toBe('Can Tho');
    expect(content.meta.source).toBe('VNA');
    expect(content.participants.map((p) => p.label)).toEqual(['Reporter', 'Dr Linh Pham']);
  });
});

describe('into a document the writer already touched', () => {
  it('keeps the metadata they set, takes the rest and the language from the text', () => {
    const result = importAgencyText(fixtureInterviewText());
    const current = { ...newInterview('doc-1', 'en').meta, headline: 'Nước sạch vùng cao', urgency: 3, keywords: ['nước'] };
    const meta = mergeImportedMeta(current, result.doc.meta);
    expect(meta.headline).toBe('Nước sạch vùng cao');
    expect(meta.urgency).toBe(3);
    expect(meta.keywords).toEqual(['nước']);
    expect(meta.section).toBe('Nông nghiệp - Nông thôn');
    expect(meta.byline).toBe('Minh Trang');
    expect(meta.language).toBe('vi');
  });

  it('keeps a participant they added, as the speaker of the same label', () => {
    const result = importAgencyText(fixtureInterviewText());
    const fresh = newInterview('doc-1', 'vi');
    const added = { id: 'p3', label: 'Ông Phạm Văn Thành', fullName: 'Phạm Văn Thành', title: 'Phó Chủ tịch UBND tỉnh', role: 'interviewee' as const };
    const content = acceptImport(result, initialDraft(result), { meta: fresh.meta, participants: [...fresh.participants, added] });
    // The unused defaults gave way; the writer's own participant (with their title) speaks the answers.
    expect(content.participants.map((p) => [p.id, p.label, p.title])).toEqual([
      ['p2', 'Phóng viên', ''],
      ['p3', 'Ông Phạm Văn Thành', 'Phó Chủ tịch UBND tỉnh'],
    ]);
    expect(turnSpeakers(content.body)).toEqual(['p2', 'p3', 'p2', 'p3', 'p2', 'p3', 'p2', 'p3', 'p2']);
  });
});

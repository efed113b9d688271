/**
 * LibreOffice, a real client, saves our Word export again (`--convert-to docx`), and the importer
 * reads what it wrote: the clean copy comes back as the same turns, and the review copy — as it
 * is, and with a Word user's tracked changes and comment in it — merges back onto the interview
 * with only what the Word user did arriving (LibreOffice renumbers ids, rewrites dates and drops
 * the replies' parent link). Skipped, with the reason listed, where LibreOffice is not installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { exportDocx } from '../../../../../shared/export/docx';
import { docxImages, importDocx } from '../../../../../shared/import/docx/import-docx';
import { readDocx } from '../../../../../shared/import/docx/read-docx';
import { mergeReturnedDocx } from '../../../../../shared/import/docx/returned-docx';
import type { Interview } from '../../../../../shared/model/schema';
import { acceptedView, listPending } from '../../../../../shared/review';
import { itNeeds } from '../../../../helpers/it-needs';
import { has, sofficePath } from '../../../../helpers/material';
import { addComment, deleteTracked, editDocx, replaceTracked } from '../../../../helpers/word-edits';
import { reviewedDocument, reviewedOptions } from '../../export/docx/reviewed-document';

const it = itNeeds('libreoffice');
const OUTSIDE = { author: 'Outside Editor', date: '2026-12-08T09:00:00Z' };

let dir = '';
const back = (name: string) => new Uint8Array(readFileSync(join(dir, 'back', name)));

const lines = (doc: Interview) => {
  const label = new Map(doc.participants.map((x) => [x.id, x.label]));
  return doc.body.map((b) => (b.type === 'turn' ? `${label.get(b.speakerId)}: ${b.children.map((c) => (c.type === 'paragraph' ? c.children.map((l) => l.text).join('') : '[photo]')).join(' / ')}` : b.type === 'paragraph' ? b.children.map((l) => l.text).join('') : '[photo]'));
};

describe('the importer reads what LibreOffice saves', () => {
  beforeAll(() => {
    if (!has('libreoffice')) return;
    dir = mkdtempSync(join(tmpdir(), 'docx-lo-import-'));
    const stored = reviewedDocument();
    writeFileSync(join(dir, 'clean.docx'), exportDocx(acceptedView(stored), reviewedOptions(), 'clean'));
    writeFileSync(join(dir, 'review.docx'), exportDocx(stored, reviewedOptions(), 'review'));
    const edited = editDocx(exportDocx(stored, reviewedOptions(), 'review'), (parts) => {
      deleteTracked(parts, ' luôn', { ...OUTSIDE, author: 'Someone Else' });
      replaceTracked(parts, 'thực hiện', 'triển khai', OUTSIDE);
      addComment(parts, 'Trân trọng cảm ơn ông!', 'Giữ nguyên lời cảm ơn.', OUTSIDE);
    });
    writeFileSync(join(dir, 'edited.docx'), edited);
    const files = ['clean.docx', 'review.docx', 'edited.docx'].map((f) => join(dir, f));
    // LibreOffice writes revision dates in local time marked as UTC: run it in UTC, as a desk's machine may not be.
    execFileSync(sofficePath() ?? 'soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'back'), ...files], {
      stdio: 'pipe',
      timeout: 180_000,
      env: { ...process.env, TZ: 'UTC' },
    });
  }, 400_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the clean copy comes back as the same turns and speakers', () => {
    const { result } = importDocx(back('clean.docx'));
    expect(lines(result.doc)).toEqual([
      'TTXVN - Tỉnh ủy Long An luôn quan tâm củng cố tổ chức cơ sở đảng.',
      'Phóng viên: Thời gian qua, công tác này được thực hiện ra sao, thưa ông?',
      'Ông Nguyễn Thanh Hải: Đảng bộ tỉnh Long An có 19 đảng bộ trực thuộc.',
      'Phóng viên: Trân trọng cảm ơn ông!',
    ]);
    expect(result.doc.meta.headline).toBe('Long An: Kết nạp đảng viên vượt chỉ tiêu Nghị quyết Đại hội Đảng bộ tỉnh đề ra');
  });

  it('the review copy saved again merges back as nothing new', () => {
    const reading = readDocx(back('review.docx'));
    const merged = mergeReturnedDocx(reviewedDocument(), reviewedDocument(), reading, { at: '2026-12-08T10:00:00.000Z', fileName: 'review.docx', assetOf: docxImages(reading).assetOf });
    expect(merged.suggestions).toBe(0);
    expect(merged.threads).toBe(0);
  });

  it('a Word user’s revisions and comment, saved by LibreOffice, arrive as their suggestions and thread', () => {
    const reading = readDocx(back('edited.docx'));
    const merged = mergeReturnedDocx(reviewedDocument(), reviewedDocument(), reading, { at: '2026-12-08T10:00:00.000Z', fileName: 'edited.docx', assetOf: docxImages(reading).assetOf });
    expect(merged.authors.sort()).toEqual(['Outside Editor', 'Someone Else']);
    const pending = listPending(merged.doc);
    expect(pending.some((p) => p.authorName === 'Outside Editor' && p.added.includes('triển khai'))).toBe(true);
    expect(pending.some((p) => p.authorName === 'Trần Thị Biên Tập' && p.added === 'Long An ')).toBe(true);
    expect(lines(acceptedView(merged.doc))[1]).toBe('Phóng viên: Thời gian qua, công tác này được triển khai ra sao, thưa ông?');
    const threads = merged.doc.comments ?? [];
    expect(threads.map((t) => t.comments[0]!.authorName)).toEqual(['Lê Văn Duyệt', 'Outside Editor']);
    expect(threads[1]!.quote).toBe('Trân trọng cảm ơn ông!');
  });
});

/**
 * LibreOffice, a real word processor, opens every Word export: it converts the file to text (what
 * it shows) and to its own .fodt (who made each revision and comment) and saves it as .docx again
 * (what a reviewer's copy brings back). Skipped, with the reason listed, where LibreOffice is not
 * installed (.ci/run installs it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { exportDocx } from '../../../../../shared/export/docx';
import { acceptedView } from '../../../../../shared/review';
import { itNeeds } from '../../../../helpers/it-needs';
import { has, sofficePath } from '../../../../helpers/material';
import { ACCEPTED_BODY_LINES, COMMENT_BY, DELETED_BY, INSERTED_BY, REPLY_BY, reviewedDocument, reviewedOptions } from './reviewed-document';

const it = itNeeds('libreoffice');
const HEADER_LINES = [
  'Long An: Kết nạp đảng viên vượt chỉ tiêu Nghị quyết Đại hội Đảng bộ tỉnh đề ra',
  'Các cấp ủy tỉnh Long An đã chủ động xây dựng, triển khai hiệu quả kế hoạch tạo nguồn, giới thiệu quần chúng ưu tú để xem xét, kết nạp đảng.',
  'Thanh Bình',
  'Xây dựng Đảng · Long An · đảng viên, Long An',
];

let dir = '';
const out = (name: string) => join(dir, 'out', name);

/** One LibreOffice run converting the files to one format, with a profile of its own (runs never share one). */
function convert(target: string, files: string[], outDir = join(dir, 'out')): void {
  execFileSync(sofficePath() ?? 'soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', target, '--outdir', outDir, ...files], {
    stdio: 'pipe',
    timeout: 120_000,
  });
}

const lines = (text: string) => text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');

describe('LibreOffice opens the Word export', () => {
  beforeAll(() => {
    if (!has('libreoffice')) return;
    dir = mkdtempSync(join(tmpdir(), 'docx-lo-'));
    const stored = reviewedDocument();
    writeFileSync(join(dir, 'review.docx'), exportDocx(stored, reviewedOptions(), 'review'));
    writeFileSync(join(dir, 'clean.docx'), exportDocx(acceptedView(stored), reviewedOptions(), 'clean'));
    const files = [join(dir, 'review.docx'), join(dir, 'clean.docx')];
    convert('txt:Text', files);
    convert('fodt', files);
    convert('docx:MS Word 2007 XML', files, join(dir, 'back'));
  }, 400_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the clean copy reads as our accepted view', () => {
    expect(lines(readFileSync(out('clean.txt'), 'utf8'))).toEqual([...HEADER_LINES, ...ACCEPTED_BODY_LINES]);
  });

  it('the review copy reads as the text with its changes shown', () => {
    const shown = [...ACCEPTED_BODY_LINES];
    shown[2] = 'Ông Nguyễn Thanh Hải: Đảng bộ tỉnh Long An có 19 đảng bộ trực thuộc và rất nhiều chi bộ.';
    expect(lines(readFileSync(out('review.txt'), 'utf8'))).toEqual([...HEADER_LINES, ...shown]);
  });

  it('shows the insertion and the removal under their authors, and the resolved thread with its reply', () => {
    const fodt = readFileSync(out('review.fodt'), 'utf8');
    const regions = [...fodt.matchAll(/<text:changed-region[\s\S]*?<text:(insertion|deletion)>[\s\S]*?<dc:creator>([^<]*)<\/dc:creator>/g)].map((m) => [m[1], m[2]]);
    expect(regions).toEqual([
      ['insertion', INSERTED_BY],
      ['deletion', DELETED_BY],
    ]);
    const annotations = [...fodt.matchAll(/<office:annotation [^>]*?(loext:resolved="true")?>[\s\S]*?<dc:creator>([^<]*)<\/dc:creator>[\s\S]*?<\/office:annotation>/g)];
    expect(annotations.map((m) => m[2]).sort()).toEqual([COMMENT_BY, REPLY_BY].sort());
    expect(annotations.every((m) => m[1] !== undefined)).toBe(true);
    expect(readFileSync(out('clean.fodt'), 'utf8')).not.toMatch(/<text:changed-region|<office:annotation /);
  });

  it('saved again as .docx, it keeps the revisions, the comments, the styles and the interview’s properties', () => {
    const files = unzipSync(readFileSync(join(dir, 'back', 'review.docx')));
    const part = (path: string) => strFromU8(files[path] ?? new Uint8Array());
    const document = part('word/document.xml');
    expect([...document.matchAll(/<w:(ins|del) [^>]*w:author="([^"]*)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['ins', INSERTED_BY],
      ['del', DELETED_BY],
    ]);
    expect([...part('word/comments.xml').matchAll(/w:author="([^"]*)"/g)].map((m) => m[1]).sort()).toEqual([COMMENT_BY, REPLY_BY].sort());
    for (const id of ['Headline', 'Sapo', 'Speaker', 'Question', 'Answer']) expect(part('word/styles.xml')).toContain(`w:styleId="${id}"`);
    expect(part('docProps/custom.xml')).toMatch(/name="InterviewDeskId"><vt:lpwstr>seed-like-000</);
  });
});
